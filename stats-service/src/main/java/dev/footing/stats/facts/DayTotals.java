package dev.footing.stats.facts;

import java.time.LocalDate;

/** Totals of one local date; {@code active} when at least one set counts. */
public record DayTotals(LocalDate date, boolean active, long sessions, long sets, long reps, long holdSeconds,
        double loadVolumeKg) {

    public static DayTotals empty(LocalDate date) {
        return new DayTotals(date, false, 0, 0, 0, 0, 0);
    }
}
