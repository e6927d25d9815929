package dev.footing.catalog.exercise;

import static dev.footing.catalog.exercise.ExerciseValidator.MAX_LIST;
import static dev.footing.catalog.exercise.ExerciseValidator.MAX_NAME;
import static dev.footing.catalog.exercise.ExerciseValidator.MAX_OWN_ADVICE;
import static dev.footing.catalog.exercise.ExerciseValidator.MAX_SLUG;
import static dev.footing.catalog.exercise.ExerciseValidator.MAX_SOURCE;
import static dev.footing.catalog.exercise.ExerciseValidator.MAX_TEXT;
import static dev.footing.catalog.exercise.ExerciseValidator.NO_NUL;
import static dev.footing.catalog.exercise.ExerciseValidator.NUL_MESSAGE;
import static dev.footing.catalog.exercise.ExerciseValidator.REQUIRED;
import static dev.footing.catalog.exercise.ExerciseValidator.SLUG;
import static dev.footing.catalog.exercise.ExerciseValidator.TOO_LONG;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.footing.catalog.progression.Progression;

/**
 * The body of {@code POST} and {@code PUT /api/exercises}: every field of an exercise except the
 * server-owned ones (id, updatedAt). Unknown fields are ignored, so a client may send back what
 * it read. {@code retired} is optional: absent keeps the current state (false on create).
 * The field rules are constraints here; the rules across fields live in {@link ExerciseValidator}.
 */
public record ExerciseRequest(
        @NotBlank(message = REQUIRED) @Size(max = MAX_SLUG, message = TOO_LONG)
        @Pattern(regexp = SLUG, message = "must be kebab-case (a-z, 0-9 and single hyphens)") String slug,
        @NotBlank(message = REQUIRED) @Size(max = MAX_NAME, message = TOO_LONG)
        @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String name,
        @NotBlank(message = REQUIRED) @Size(max = MAX_TEXT, message = TOO_LONG)
        @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String summary,
        @NotEmpty(message = "must have at least one entry") @Size(max = MAX_LIST, message = "must have at most {max} entries")
        List<@NotBlank(message = "must not be blank") @Size(max = MAX_TEXT, message = TOO_LONG)
                @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String> instructions,
        @NotNull(message = REQUIRED) Category category,
        @NotEmpty(message = "must name at least one body area")
        List<@NotNull(message = "must not be null") BodyArea> bodyAreas,
        List<@NotNull(message = "must not be null") Equipment> equipment,
        @NotNull(message = REQUIRED) Difficulty difficulty,
        @NotNull(message = REQUIRED) Measurement measurement,
        Boolean unilateral,
        @NotNull(message = REQUIRED) @Valid Prescription prescription,
        @Valid Progression progression,
        @Size(max = MAX_LIST, message = "must have at most {max} entries")
        List<@NotBlank(message = "must not be blank") @Size(max = MAX_TEXT, message = TOO_LONG)
                @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String> cautions,
        @NotBlank(message = REQUIRED) @Size(max = MAX_SOURCE, message = TOO_LONG)
        @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String source,
        @Size(max = MAX_OWN_ADVICE, message = "must have at most {max} entries")
        List<@NotNull(message = "must not be null") @Size(max = 40, message = TOO_LONG) String> ownAdvice,
        Boolean retired) {
}
