package dev.footing.stats.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.footing.stats.facts.Totals;

/**
 * What a user's summary is made of that does not depend on the day it is read for: the zone of their most
 * recent set ({@code null} before any), the events applied, all-time totals, the active days (ascending)
 * and the weekly goal.
 */
record SummaryFacts(String latestTimezone, long eventsApplied, Instant lastEventAt, Totals allTime,
        List<LocalDate> activeDays, int activeDaysPerWeek) {
}
