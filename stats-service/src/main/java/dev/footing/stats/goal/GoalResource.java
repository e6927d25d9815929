package dev.footing.stats.goal;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.stats.access.UserAccess;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/goals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource {

    @Inject
    UserAccess access;

    @Inject
    Goals goals;

    @Inject
    Event<GoalChanged> changed;

    @GET
    public Goal get(@PathParam("userId") String userId) {
        return new Goal(goals.activeDaysPerWeek(access.toRead(userId)));
    }

    /** Replaces the goal; the weekly streak is recomputed with it (it is not stored per week). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Goal put(@PathParam("userId") String userIdParam, @Valid @NotNull Goal goal) {
        String userId = access.toManage(userIdParam);
        goals.set(userId, goal.activeDaysPerWeek());
        changed.fire(new GoalChanged(userId));
        return goal;
    }
}
