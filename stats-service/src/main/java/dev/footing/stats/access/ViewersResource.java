package dev.footing.stats.access;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.problem.ProblemException;
import io.quarkus.security.Authenticated;

/** A user shares their stats, read-only, with a viewer (a coach, a physiotherapist), and stops. */
@Path("/api/users/{userId}/viewers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ViewersResource {

    @Inject
    UserAccess access;

    @Inject
    Shares shares;

    @Inject
    Event<ShareStopped> stopped;

    @GET
    public Viewers list(@PathParam("userId") String userIdParam) {
        String userId = access.toManage(userIdParam);
        return new Viewers(userId, shares.viewersOf(userId));
    }

    /** 204, also when already shared (the first {@code since} stays). */
    @PUT
    @Path("/{viewerId}")
    public void share(@PathParam("userId") String userIdParam, @PathParam("viewerId") String viewerParam) {
        String userId = access.toManage(userIdParam);
        String viewerId = access.named("viewerId", viewerParam);
        if (viewerId.equals(userId)) {
            throw ProblemException.invalidField("viewerId", "a user always sees their own stats; share with someone else");
        }
        shares.share(userId, viewerId);
    }

    /** 204, also when it was not shared: the outcome the caller wants holds either way. The viewer's open live streams end. */
    @DELETE
    @Path("/{viewerId}")
    public void stop(@PathParam("userId") String userIdParam, @PathParam("viewerId") String viewerParam) {
        String userId = access.toManage(userIdParam);
        String viewerId = access.named("viewerId", viewerParam);
        shares.stop(userId, viewerId);
        stopped.fire(new ShareStopped(userId, viewerId));
    }
}
