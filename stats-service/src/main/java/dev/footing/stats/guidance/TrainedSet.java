package dev.footing.stats.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.footing.stats.event.Side;

/** One counted set (completed, not retracted) of the exercise, with what the rule looks at. */
public record TrainedSet(UUID sessionId, LocalDate localDate, Instant completedAt, Side side, Integer reps,
        Integer durationSeconds, BigDecimal loadKg, Integer pain) {

    public TrainedSet {
        loadKg = loadKg == null ? BigDecimal.ZERO : loadKg;
    }
}
