package dev.footing.stats.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.stats.access.UserAccess;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.facts.ExerciseInfo;
import dev.footing.stats.facts.SideRow;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/balance")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BalanceResource {

    @Inject
    UserAccess access;

    @Inject
    CountedSets sets;

    @GET
    public Balance balance(@PathParam("userId") String userIdParam) {
        String userId = access.toRead(userIdParam);
        Map<UUID, Map<String, SideRow>> sides = new HashMap<>();
        for (SideRow row : sets.sides(userId)) {
            sides.computeIfAbsent(row.exerciseId(), id -> new HashMap<>()).put(row.side(), row);
        }
        List<ExerciseBalance> exercises = new ArrayList<>();
        for (ExerciseInfo exercise : sets.exercises(userId, null)) {
            Map<String, SideRow> bySide = sides.get(exercise.id());
            if (bySide == null) {
                continue;
            }
            boolean reps = "REPS".equals(exercise.measurement());
            SideVolume left = volume(bySide.get("LEFT"), reps);
            SideVolume right = volume(bySide.get("RIGHT"), reps);
            exercises.add(new ExerciseBalance(exercise, reps ? "reps" : "seconds", left, right,
                    Asymmetry.index(left.volume(), right.volume())));
        }
        exercises.sort(Comparator.comparing((ExerciseBalance b) -> b.exercise().name()).thenComparing(b -> b.exercise().id()));
        return new Balance(userId, exercises);
    }

    private static SideVolume volume(SideRow row, boolean reps) {
        return row == null ? new SideVolume(0, 0) : new SideVolume(row.sets(), reps ? row.reps() : row.holdSeconds());
    }
}
