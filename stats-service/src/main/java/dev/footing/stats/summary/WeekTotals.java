package dev.footing.stats.summary;

import java.time.LocalDate;

import dev.footing.stats.facts.Totals;

/** Totals of one ISO week ({@code week} like 2026-W53, Monday {@code from} to Sunday {@code to}). */
public record WeekTotals(String week, LocalDate from, LocalDate to, long sessions, long sets, long reps,
        long holdSeconds, double loadVolumeKg, long activeDays) {

    public static WeekTotals of(String week, LocalDate from, LocalDate to, Totals t) {
        return new WeekTotals(week, from, to, t.sessions(), t.sets(), t.reps(), t.holdSeconds(), t.loadVolumeKg(),
                t.activeDays());
    }
}
