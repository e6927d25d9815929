package dev.footing.stats.balance;

/** The left/right asymmetry index of docs/architecture.md §5. */
public final class Asymmetry {

    private Asymmetry() {
    }

    /**
     * {@code (L - R) / max(L, R)}: 0 is even, +1 only the left side worked, -1 only the right.
     * Null when neither side has volume (0/0 says nothing about balance).
     */
    public static Double index(long left, long right) {
        long max = Math.max(left, right);
        return max == 0 ? null : (double) (left - right) / max;
    }
}
