package dev.footing.stats.guidance;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import dev.footing.stats.access.UserAccess;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/guidance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GuidanceResource {

    /** {@code {"items": [...]}}: one item per exercise the user has counted sets of. */
    public record GuidanceList(List<GuidanceItem> items) {
    }

    @Inject
    UserAccess access;

    @Inject
    GuidanceService guidance;

    @GET
    public GuidanceList all(@PathParam("userId") String userId) {
        return new GuidanceList(guidance.all(access.toRead(userId)));
    }

    /** By catalog id or slug; 404 when the user has no counted set of it (never trained, or every set retracted). */
    @GET
    @Path("/{exercise}")
    public GuidanceItem one(@PathParam("userId") String userIdParam, @PathParam("exercise") String exercise) {
        String userId = access.toRead(userIdParam);
        return guidance.one(userId, exercise)
                .orElseThrow(() -> new ProblemException(new Problem(ProblemException.type("not-found"), "Not found", 404,
                        userId + " has no counted set of " + exercise, List.of())));
    }
}
