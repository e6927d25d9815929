package dev.footing.stats.event;

/** The leg a set worked. */
public enum Side {
    LEFT, RIGHT, BOTH
}
