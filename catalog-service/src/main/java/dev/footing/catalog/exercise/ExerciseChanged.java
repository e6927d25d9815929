package dev.footing.catalog.exercise;

/**
 * Fired, inside the writing transaction, whenever an exercise is created, changed, retired or
 * republished: {@code snapshot} is its state as of this change. The outbox observes it (in the
 * same transaction), so this package never needs to know how snapshots are published.
 */
public record ExerciseChanged(ExerciseView snapshot) {
}
