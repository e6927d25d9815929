package dev.footing.stats.deadletter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import dev.footing.common.problem.ProblemMappers;
import dev.footing.common.security.Roles;
import io.smallrye.common.annotation.Blocking;

@Path("/api/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    @Inject
    DeadLetterTopic topic;

    @GET
    @Blocking
    @Operation(summary = "Messages the consumer refused (workout-events-dlq), newest first, with the reason of each")
    public Page<DeadLetter> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return topic.newestFirst(PageRequest.parse(page, size));
    }

    /**
     * For this resource only: the broker did not answer in time (the list is read from the topic itself).
     * Anything else Kafka throws (no right to read the topic, a wrong setting) is no reason to retry: a 500.
     */
    @ServerExceptionMapper
    public Response brokerUnavailable(RetriableException e) {
        LOG.warnf("dead letters unreadable: %s", e.toString());
        Problem problem = new Problem(ProblemException.type("broker-unavailable"), "Service unavailable", 503,
                "The broker cannot answer right now; try again shortly.", List.of());
        return Response.fromResponse(ProblemMappers.respond(problem)).header(HttpHeaders.RETRY_AFTER, "5").build();
    }
}
