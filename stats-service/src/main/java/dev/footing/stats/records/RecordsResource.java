package dev.footing.stats.records;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.stats.user.UserIds;

@Path("/api/users/{userId}/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    @Inject
    PersonalRecords records;

    @GET
    public Records records(@PathParam("userId") String userId) {
        return new Records(UserIds.require(userId), records.of(userId, null));
    }
}
