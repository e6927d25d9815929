package dev.footing.session.workout;

/** Which leg a set worked; required for unilateral exercises. */
public enum Side {
    LEFT,
    RIGHT,
    BOTH
}
