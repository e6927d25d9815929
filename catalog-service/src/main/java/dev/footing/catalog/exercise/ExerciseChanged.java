package dev.footing.catalog.exercise;

/**
 * Fired, inside the writing transaction, whenever an exercise is created, changed, retired or
 * republished: {@code snapshot} is its state as of this change. The outbox observes it (in the
 * same transaction), so this package never needs to know how snapshots are published.
 * {@code formerSlug} is the slug before this change when the change renamed the exercise, else null
 * (program snapshots name their exercises by slug and must follow).
 */
public record ExerciseChanged(ExerciseView snapshot, String formerSlug) {

    public ExerciseChanged(ExerciseView snapshot) {
        this(snapshot, null);
    }

    public boolean renamed() {
        return formerSlug != null;
    }
}
