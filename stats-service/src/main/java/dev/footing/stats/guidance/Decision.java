package dev.footing.stats.guidance;

/** What the user should do next time, compared with the target they trained against. */
public enum Decision {
    PROGRESS, HOLD, REGRESS, GRADUATE
}
