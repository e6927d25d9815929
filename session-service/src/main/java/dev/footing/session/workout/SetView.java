package dev.footing.session.workout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A set as the API returns it; {@code localDate} is its day in the session's time zone. */
public record SetView(UUID id, UUID sessionId, UUID exerciseId, Integer reps, Integer durationSeconds,
        BigDecimal loadKg, Side side, Instant completedAt, Integer rpe, LocalDate localDate) {

    static SetView of(WorkoutSet s) {
        return new SetView(s.id, s.sessionId, s.exerciseId, s.reps, s.durationSeconds, SetRules.normalizeLoad(s.loadKg),
                s.side, s.completedAt, s.rpe, s.localDate);
    }
}
