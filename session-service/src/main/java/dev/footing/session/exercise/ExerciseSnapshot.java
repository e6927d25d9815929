package dev.footing.session.exercise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.footing.session.replica.CatalogSnapshot;

/**
 * The part of an {@code exercise-catalog} record this service keeps. The catalog sends more
 * (instructions, prescription, cautions...), which validation and events do not need.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExerciseSnapshot(UUID id, String slug, String name, String category, List<String> bodyAreas,
        Measurement measurement, Boolean unilateral, Boolean retired, Instant updatedAt) implements CatalogSnapshot {

    /** A snapshot we can validate sets against; anything less is skipped with a warning. */
    @Override
    public boolean isComplete() {
        return id != null && slug != null && name != null && category != null && bodyAreas != null
                && measurement != null && unilateral != null;
    }
}
