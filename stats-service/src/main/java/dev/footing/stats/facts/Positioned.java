package dev.footing.stats.facts;

import dev.footing.stats.event.WorkoutEvent;

/** An event with the topic position it was read from. */
public record Positioned(WorkoutEvent event, int partition, long offset) {
}
