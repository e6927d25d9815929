package dev.footing.stats.guidance;

/** The catalog's plain prescription, what an exercise's numbers are when no ladder sets them. */
public record Prescription(Integer sets, Integer reps, Integer holdSeconds) {

    public static final Prescription NONE = new Prescription(null, null, null);
}
