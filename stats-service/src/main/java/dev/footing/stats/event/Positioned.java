package dev.footing.stats.event;

/** An event with the topic position it was read from. */
public record Positioned(WorkoutEvent event, int partition, long offset) {
}
