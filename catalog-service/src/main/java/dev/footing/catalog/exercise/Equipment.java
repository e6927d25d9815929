package dev.footing.catalog.exercise;

public enum Equipment {
    NONE, WALL, CHAIR, DOOR, RESISTANCE_BAND, TOWEL, BALL, MASSAGE_MAT, STEP, CURB, BENCH, JUMP_ROPE, BALANCE_PAD, COTTON_BALLS
}
