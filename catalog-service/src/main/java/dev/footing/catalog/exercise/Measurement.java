package dev.footing.catalog.exercise;

/** How a set of the exercise is counted: repetitions, or seconds held or performed. */
public enum Measurement {
    REPS, DURATION
}
