package dev.footing.session.exercise;

/** How a set of an exercise is measured: counted reps or a held duration. */
public enum Measurement {
    REPS,
    DURATION
}
