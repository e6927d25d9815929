package dev.footing.session.workout;

import static dev.footing.session.workout.SessionRules.MAX_NOTES;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/sessions}; with {@code sets} it is a whole finished workout in one call.
 * A set's violations are named by its position, e.g. {@code sets[3].reps}.
 */
public record SessionRequest(
        UUID id,
        String userId,
        String timezone,
        UUID programId,
        Instant startedAt,
        Instant completedAt,
        @Size(max = MAX_NOTES, message = "must be at most " + MAX_NOTES + " characters")
        // PostgreSQL text cannot hold it: the insert would fail with a 500.
        @Pattern(regexp = "[^\\x00]*", message = "must not contain the NUL character (U+0000)")
        String notes,
        List<@Valid SetRequest> sets) {
}
