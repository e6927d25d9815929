package dev.footing.stats.records;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.stats.access.UserAccess;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/records")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    @Inject
    UserAccess access;

    @Inject
    PersonalRecords records;

    @GET
    public Records records(@PathParam("userId") String userId) {
        String owner = access.toRead(userId);
        return new Records(owner, records.of(owner, null));
    }
}
