package dev.footing.session.workout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as the API returns it, with its sets (retracted ones left out). */
public record SessionView(UUID id, String userId, String timezone, @Schema(nullable = true) UUID programId,
        Instant startedAt, @Schema(nullable = true) Instant completedAt, @Schema(nullable = true) String notes, List<SetView> sets) {

    static SessionView of(WorkoutSession s, List<SetView> sets) {
        return new SessionView(s.id, s.userId, s.timezone, s.programId, s.startedAt, s.completedAt, s.notes, sets);
    }
}
