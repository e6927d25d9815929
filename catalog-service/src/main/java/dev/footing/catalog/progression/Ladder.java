package dev.footing.catalog.progression;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.Range;

/**
 * One axis of progress: begin at {@code start}, add {@code step} after {@code successesRequired}
 * consecutive successful sessions, never beyond {@code ceiling}. The start and ceiling come from the
 * source's range (20 -> 40 reps); the step and the successes are Footing's rule.
 */
public record Ladder(
        @NotNull(message = "is required") Axis axis,
        @NotNull(message = "is required") @Range(min = 1, max = 7200, message = "must be between {min} and {max}") Integer start,
        @NotNull(message = "is required") @Range(min = 1, max = 1000, message = "must be between {min} and {max}") Integer step,
        @NotNull(message = "is required") @Range(min = 1, max = 7200, message = "must be between {min} and {max}") Integer ceiling,
        @NotNull(message = "is required") @Range(min = 1, max = 20, message = "must be between {min} and {max}") Integer successesRequired) {
}
