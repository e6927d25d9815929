package dev.footing.stats.facts;

import java.util.UUID;

/** Counted sets of a unilateral exercise on one side, with their reps and hold seconds. */
public record SideRow(UUID exerciseId, String side, long sets, long reps, long holdSeconds) {
}
