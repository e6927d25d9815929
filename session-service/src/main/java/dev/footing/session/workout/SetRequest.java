package dev.footing.session.workout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One set as a client sends it; absent fields take the documented defaults. */
public record SetRequest(UUID id, UUID exerciseId, Integer reps, Integer durationSeconds, BigDecimal loadKg,
        Side side, Instant completedAt, Integer rpe) {
}
