package dev.footing.stats.catalog;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footing.stats.event.Measurement;

/**
 * An exercise as the replica holds it. Its prescription and progression stay JSON here (null when the catalog
 * gives none); guidance reads them into its rule's terms.
 */
public record CatalogExercise(UUID id, String slug, String name, Measurement measurement, boolean unilateral,
        JsonNode prescription, JsonNode progression, boolean retired) {
}
