package dev.footing.stats.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;

import dev.footing.stats.summary.Summary;
import dev.footing.stats.user.UserIds;

@Path("/api/users/{userId}/live")
public class LiveResource {

    @Inject
    LiveUpdates live;

    /** Server-sent events: the current summary, then the new one whenever an event of the user is applied. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Summary> live(@PathParam("userId") String userId) {
        return live.stream(UserIds.require(userId));
    }
}
