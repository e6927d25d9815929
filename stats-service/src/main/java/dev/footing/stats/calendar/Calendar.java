package dev.footing.stats.calendar;

import java.time.LocalDate;
import java.util.List;

import dev.footing.stats.facts.DayTotals;

/** The answer of GET /calendar: every day of [from, to], active or not, for a heatmap. */
public record Calendar(String userId, LocalDate from, LocalDate to, long activeDays, List<DayTotals> days) {
}
