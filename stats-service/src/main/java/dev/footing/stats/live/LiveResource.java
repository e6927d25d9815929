package dev.footing.stats.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;

import dev.footing.stats.access.UserAccess;
import dev.footing.stats.summary.Summary;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

@Path("/api/users/{userId}/live")
@Authenticated
public class LiveResource {

    @Inject
    UserAccess access;

    @Inject
    LiveUpdates live;

    /**
     * Server-sent events: the current summary, then the new one whenever an event of the user is applied.
     * Blocking: who may watch is decided (a database lookup for a viewer) before the stream starts.
     */
    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<Summary> live(@PathParam("userId") String userId) {
        return live.stream(access.toRead(userId), access.self());
    }
}
