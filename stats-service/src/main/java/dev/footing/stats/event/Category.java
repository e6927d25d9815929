package dev.footing.stats.event;

/** Exercise categories of the catalog (DESIGN.md §2). */
public enum Category {
    STRETCH, STRENGTH, MOBILITY, BALANCE, PLYOMETRIC, SELF_MASSAGE, CONDITIONING
}
