package dev.footing.catalog.exercise;

public enum Category {
    STRETCH, STRENGTH, MOBILITY, BALANCE, PLYOMETRIC, SELF_MASSAGE, CONDITIONING
}
