package dev.footing.stats.summary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.time.DateParams;
import dev.footing.stats.access.UserAccess;
import dev.footing.stats.streak.Streaks;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    UserAccess access;

    @Inject
    SummaryService summaries;

    @GET
    @Path("/summary")
    public Summary summary(@PathParam("userId") String userId, @QueryParam("asOf") String asOf) {
        return summaries.summary(access.toRead(userId), DateParams.parse("asOf", asOf));
    }

    @GET
    @Path("/streaks")
    public Streaks streaks(@PathParam("userId") String userId, @QueryParam("asOf") String asOf) {
        return summaries.streaks(access.toRead(userId), DateParams.parse("asOf", asOf));
    }
}
