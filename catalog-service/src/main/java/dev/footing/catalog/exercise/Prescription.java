package dev.footing.catalog.exercise;

import static dev.footing.catalog.exercise.ExerciseValidator.BETWEEN;
import static dev.footing.catalog.exercise.ExerciseValidator.MAX_TEXT;
import static dev.footing.catalog.exercise.ExerciseValidator.NO_NUL;
import static dev.footing.catalog.exercise.ExerciseValidator.NUL_MESSAGE;
import static dev.footing.catalog.exercise.ExerciseValidator.REQUIRED;
import static dev.footing.catalog.exercise.ExerciseValidator.TOO_LONG;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.Range;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the source recommends for one exercise. A range is the low value plus its {@code ...Max}
 * (e.g. hold 15-30 s is {@code holdSeconds=15, holdSecondsMax=30}; 20 -> 40 reps is
 * {@code reps=20, repsMax=40}). REPS exercises carry {@code reps}, DURATION exercises
 * {@code holdSeconds}; a REPS exercise may also carry {@code holdSeconds} as a pause per rep.
 * For unilateral exercises the numbers are per leg. The {@code ...Max} bounds depend on their low
 * value, so {@link ExerciseValidator} checks them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prescription(
        @NotNull(message = REQUIRED) @Range(min = 1, max = 20, message = BETWEEN) Integer sets,
        Integer setsMax,
        @Range(min = 1, max = 1000, message = BETWEEN) Integer reps,
        Integer repsMax,
        @Range(min = 1, max = 7200, message = BETWEEN) Integer holdSeconds,
        Integer holdSecondsMax,
        @Range(min = 0, max = 3600, message = BETWEEN) Integer restSeconds,
        @Size(max = MAX_TEXT, message = TOO_LONG) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String note) {
}
