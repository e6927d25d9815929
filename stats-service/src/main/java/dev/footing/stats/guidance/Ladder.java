package dev.footing.stats.guidance;

/** One axis of a progression: from {@code start} up by {@code step} to {@code ceiling}, one step per session. */
public record Ladder(Axis axis, int start, int step, int ceiling, int successesRequired) {

    public Ladder {
        if (axis == null || step < 1 || start > ceiling || successesRequired < 1) {
            throw new IllegalArgumentException("not a ladder: " + axis + " " + start + "+" + step + ".." + ceiling);
        }
    }

    /** One step up from {@code value}, never past the ceiling. */
    int up(int value) {
        return Math.min(value + step, ceiling);
    }
}
