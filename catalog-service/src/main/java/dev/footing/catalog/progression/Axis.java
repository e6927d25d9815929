package dev.footing.catalog.progression;

/** What a ladder moves: repetitions per set, seconds per hold, or the number of sets. */
public enum Axis {
    REPS, HOLD_SECONDS, SETS
}
