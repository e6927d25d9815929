package dev.footing.catalog.exercise;

public enum BodyArea {
    TOES, FOOT_ARCH, ANKLE, ACHILLES, CALF, SHIN, KNEE, QUADRICEPS, HAMSTRINGS, GLUTES
}
