package dev.footing.stats.catalog;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of an {@code exercise-catalog} record guidance needs (contract: exercise-snapshot.json). The
 * prescription and progression stay JSON until {@link CatalogReplica} reads them, so one it cannot read
 * costs only that exercise's rule, never the snapshot.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExerciseSnapshot(UUID id, String slug, String name, String measurement, Boolean unilateral,
        JsonNode prescription, JsonNode progression, Boolean retired, Instant updatedAt) {

    boolean isComplete() {
        return id != null && slug != null && name != null && measurement != null && unilateral != null;
    }
}
