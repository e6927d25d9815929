package dev.footing.stats.exercise;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.problem.ProblemException;
import dev.footing.stats.access.UserAccess;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.records.ExerciseRecords;
import dev.footing.stats.records.PersonalRecords;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/exercises/{exerciseId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExerciseProgressResource {

    @Inject
    UserAccess access;

    @Inject
    CountedSets sets;

    @Inject
    PersonalRecords records;

    /** An exercise the user never did answers with zeros: stats cannot tell it from one not in the catalog. */
    @GET
    public ExerciseProgress progress(@PathParam("userId") String userIdParam, @PathParam("exerciseId") String exerciseParam) {
        String userId = access.toRead(userIdParam);
        UUID exerciseId = uuid(exerciseParam);
        List<ExerciseRecords> exerciseRecords = records.of(userId, exerciseId);
        ExerciseRecords found = exerciseRecords.isEmpty() ? null : exerciseRecords.get(0);
        return new ExerciseProgress(userId, exerciseId, found == null ? null : found.exercise(),
                sets.totals(userId, null, null, exerciseId), found, sets.perDay(userId, null, null, exerciseId));
    }

    private static UUID uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.invalidField("exerciseId", "not a UUID: \"" + value + "\"");
    }
}
