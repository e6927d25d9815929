package dev.footing.stats.event;

/** Body areas of the catalog (DESIGN.md §2). */
public enum BodyArea {
    TOES, FOOT_ARCH, ANKLE, ACHILLES, CALF, SHIN, KNEE, QUADRICEPS, HAMSTRINGS, GLUTES
}
