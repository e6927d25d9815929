package dev.footing.stats.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** Whose stats the caller may read because they shared them: a coach's or physiotherapist's list. */
@Path("/api/me/athletes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SharedAthletesResource {

    @Inject
    UserAccess access;

    @Inject
    Shares shares;

    @GET
    public SharedAthletes athletes() {
        String viewerId = access.self();
        return new SharedAthletes(viewerId, shares.athletesOf(viewerId));
    }
}
