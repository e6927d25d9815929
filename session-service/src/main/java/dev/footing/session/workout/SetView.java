package dev.footing.session.workout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A set as the API returns it; {@code localDate} is its day in the session's time zone. */
public record SetView(UUID id, UUID sessionId, UUID exerciseId,
        @Schema(nullable = true, description = "null for a DURATION exercise") Integer reps,
        @Schema(nullable = true, description = "null for a REPS exercise") Integer durationSeconds,
        BigDecimal loadKg, @Schema(nullable = true, description = "null for a two-legged set") Side side,
        Instant completedAt, @Schema(nullable = true) Integer rpe,
        @Schema(nullable = true, description = "pain during the set, 0-10; null when not reported") Integer pain,
        LocalDate localDate) {

    static SetView of(WorkoutSet s) {
        return new SetView(s.id, s.sessionId, s.exerciseId, s.reps, s.durationSeconds, SetRules.normalizeLoad(s.loadKg),
                s.side, s.completedAt, s.rpe, s.pain, s.localDate);
    }
}
