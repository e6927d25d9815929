package dev.footing.stats.guidance;

/** What a ladder raises: repetitions per set, seconds per hold, or the number of sets. */
public enum Axis {
    REPS("reps"), HOLD_SECONDS("holdSeconds"), SETS("sets");

    private final String field;

    Axis(String field) {
        this.field = field;
    }

    /** The name this axis has in a target and in a reason's numbers. */
    public String field() {
        return field;
    }
}
