package dev.footing.stats.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of a {@code program-catalog} record stats keeps (contract: program-snapshot.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramSnapshot(UUID id, String slug, String name, String frequency, Integer sessionsPerWeek,
        List<ProgramItem> items, Boolean retired, Instant updatedAt) {

    boolean isComplete() {
        return id != null && slug != null && name != null && items != null
                && items.stream().allMatch(item -> item != null && item.exerciseId() != null);
    }
}
