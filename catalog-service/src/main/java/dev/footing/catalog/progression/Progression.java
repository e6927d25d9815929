package dev.footing.catalog.progression;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How an exercise is progressed (docs/architecture.md §9): ladders tried in order, the first that
 * can still move moves; then the load, if the exercise takes one; then the harder variation
 * {@code next}. {@code previous} is the easier variation to fall back to. {@code next} and
 * {@code previous} are slugs of other exercises; {@link ProgressionRules} checks them against the
 * catalog (they must exist and must not lead round in a circle).
 */
public record Progression(
        @NotNull(message = "is required (may be empty)") @Size(max = 3, message = "must have at most {max} entries")
        List<@NotNull(message = "must not be null") @Valid Ladder> ladders,
        @Schema(nullable = true) @Valid LoadStep load,
        @Size(max = 80, message = "must be at most {max} characters")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be the slug of another exercise") @Schema(nullable = true) String next,
        @Size(max = 80, message = "must be at most {max} characters")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be the slug of another exercise") @Schema(nullable = true) String previous) {
}
