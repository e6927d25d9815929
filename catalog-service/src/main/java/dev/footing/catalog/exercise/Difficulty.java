package dev.footing.catalog.exercise;

public enum Difficulty {
    BEGINNER, INTERMEDIATE, ADVANCED
}
