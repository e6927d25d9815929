package dev.footing.stats.event;

/** How an exercise is counted: repetitions or a hold in seconds. */
public enum Measurement {
    REPS, DURATION
}
