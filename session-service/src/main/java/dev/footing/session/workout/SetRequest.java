package dev.footing.session.workout;

import static dev.footing.session.workout.SetRules.MAX_DURATION_SECONDS;
import static dev.footing.session.workout.SetRules.MAX_REPS;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * One set as a client sends it; absent fields take the documented defaults. The constraints here are
 * what a set's own fields must satisfy; {@link SetRules} has what they cannot say (the measurement
 * of the exercise, the clock, the load's decimals once trailing zeros are dropped).
 */
public record SetRequest(
        UUID id,
        @NotNull(message = "is required")
        UUID exerciseId,
        @Min(value = 1, message = "must be between 1 and " + MAX_REPS)
        @Max(value = MAX_REPS, message = "must be between 1 and " + MAX_REPS)
        Integer reps,
        @Min(value = 1, message = "must be between 1 and " + MAX_DURATION_SECONDS)
        @Max(value = MAX_DURATION_SECONDS, message = "must be between 1 and " + MAX_DURATION_SECONDS)
        Integer durationSeconds,
        @DecimalMin(value = "0", message = "must be between 0 and 1000")
        @DecimalMax(value = "1000", message = "must be between 0 and 1000")
        BigDecimal loadKg,
        Side side,
        Instant completedAt,
        @Min(value = 1, message = "must be between 1 and 10")
        @Max(value = 10, message = "must be between 1 and 10")
        Integer rpe,
        // Pain during the set on the 0-10 scale of Silbernagel's pain-monitoring model (docs/architecture.md §9).
        @Min(value = 0, message = "must be between 0 and 10")
        @Max(value = 10, message = "must be between 0 and 10")
        Integer pain) {
}
