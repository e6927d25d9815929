package dev.footing.stats.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.footing.stats.facts.Totals;

/**
 * What a user's summary is made of: the zone of their most recent set ({@code null} before any), the events
 * applied, all-time totals, the active days (ascending) and the weekly goal, and the totals of the weeks it was
 * read for ({@code weeks}, by their Monday: the one or two weeks the user's "today" can fall in).
 */
record SummaryFacts(String latestTimezone, long eventsApplied, Instant lastEventAt, Totals allTime,
        List<LocalDate> activeDays, int activeDaysPerWeek, Map<LocalDate, Totals> weeks) {
}
