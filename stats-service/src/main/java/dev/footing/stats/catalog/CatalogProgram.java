package dev.footing.stats.catalog;

import java.util.List;
import java.util.UUID;

/** A program as the replica holds it; {@code sessionsPerWeek} null where the article gives no number. */
public record CatalogProgram(UUID id, String slug, String name, String frequency, Integer sessionsPerWeek,
        List<ProgramItem> items, boolean retired) {
}
