package dev.footing.stats.facts;

import java.math.BigDecimal;

/**
 * Totals over counted sets (completed, not retracted): {@code sessions} with at least one such
 * set, {@code sets}, {@code reps} (Σ reps), {@code holdSeconds} (Σ durationSeconds),
 * {@code loadVolumeKg} (Σ reps × loadKg) and {@code activeDays} (distinct local dates).
 */
public record Totals(long sessions, long sets, long reps, long holdSeconds, double loadVolumeKg, long activeDays) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0);

    /** The exact decimal sum, as the nearest double: what JSON shows without losing a cent. */
    public static double kg(BigDecimal exact) {
        return exact == null ? 0 : exact.doubleValue();
    }
}
