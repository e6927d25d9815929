package dev.footing.stats.rebuild;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.footing.common.problem.ProblemException;
import dev.footing.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("/api/admin/rebuild")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    @Inject
    RebuildJobs rebuilds;

    /** 202 with the run's status and its Location; 409 while another rebuild runs. */
    @POST
    @APIResponseSchema(value = RebuildStatus.class, responseCode = "202", responseDescription = "Started; Location is its status")
    public Response start() {
        RebuildStatus status = rebuilds.start();
        return Response.accepted(status).location(URI.create("/api/admin/rebuild/" + status.id())).build();
    }

    @GET
    @Path("/status")
    public RebuildStatus latest() {
        return rebuilds.latest().orElseThrow(() -> ProblemException.notFound("rebuild", "(none has run)"));
    }

    @GET
    @Path("/{id}")
    public RebuildStatus status(@PathParam("id") String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "not a UUID: \"" + id + "\"");
        }
        return rebuilds.status(runId).orElseThrow(() -> ProblemException.notFound("rebuild", runId));
    }
}
