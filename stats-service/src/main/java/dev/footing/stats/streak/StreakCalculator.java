package dev.footing.stats.streak;

import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.footing.stats.time.Bucket;

/**
 * Streaks from the set of active local dates (docs/architecture.md §5). Only days up to and including
 * {@code asOf} count: asking about a past date answers as that day would have.
 */
public final class StreakCalculator {

    private StreakCalculator() {
    }

    public static DailyStreak daily(Collection<LocalDate> activeDays, LocalDate asOf) {
        NavigableSet<LocalDate> days = upTo(activeDays, asOf);
        // Today is not over yet: a run that ended yesterday is still alive.
        LocalDate end = days.contains(asOf) ? asOf : days.contains(asOf.minusDays(1)) ? asOf.minusDays(1) : null;
        int current = 0;
        LocalDate currentFrom = null;
        if (end != null) {
            currentFrom = end;
            while (days.contains(currentFrom.minusDays(1))) {
                currentFrom = currentFrom.minusDays(1);
            }
            current = (int) (end.toEpochDay() - currentFrom.toEpochDay()) + 1;
        }
        int longest = 0;
        LocalDate longestFrom = null;
        LocalDate longestTo = null;
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous == null || !day.equals(previous.plusDays(1))) {
                runStart = day;
            }
            int length = (int) (day.toEpochDay() - runStart.toEpochDay()) + 1;
            // >= so that, on a tie, the most recent run wins.
            if (length >= longest) {
                longest = length;
                longestFrom = runStart;
                longestTo = day;
            }
            previous = day;
        }
        return new DailyStreak(current, currentFrom, end, longest, longestFrom, longestTo);
    }

    public static WeeklyStreak weekly(Collection<LocalDate> activeDays, LocalDate asOf, int goal) {
        if (goal < 1 || goal > 7) {
            throw new IllegalArgumentException("goal must be 1-7: " + goal);
        }
        TreeMap<LocalDate, Integer> daysPerWeek = new TreeMap<>();
        for (LocalDate day : upTo(activeDays, asOf)) {
            daysPerWeek.merge(Bucket.WEEK.start(day), 1, Integer::sum);
        }
        LocalDate thisWeek = Bucket.WEEK.start(asOf);
        int thisWeekDays = daysPerWeek.getOrDefault(thisWeek, 0);
        boolean thisWeekMet = thisWeekDays >= goal;
        // The current week is not over yet: a run that met the goal last week is still alive.
        LocalDate end = thisWeekMet ? thisWeek : thisWeek.minusWeeks(1);
        int current = 0;
        LocalDate from = end;
        while (daysPerWeek.getOrDefault(from, 0) >= goal) {
            current++;
            from = from.minusWeeks(1);
        }
        int longest = 0;
        LocalDate longestFrom = null;
        LocalDate longestTo = null;
        LocalDate runStart = null;
        LocalDate previous = null;
        for (var week : daysPerWeek.entrySet()) {
            if (week.getValue() < goal) {
                continue;
            }
            LocalDate start = week.getKey();
            if (previous == null || !start.equals(previous.plusWeeks(1))) {
                runStart = start;
            }
            int length = (int) ((start.toEpochDay() - runStart.toEpochDay()) / 7) + 1;
            if (length >= longest) {
                longest = length;
                longestFrom = runStart;
                longestTo = start;
            }
            previous = start;
        }
        return new WeeklyStreak(goal, current,
                current == 0 ? null : Bucket.isoWeek(from.plusWeeks(1)), current == 0 ? null : Bucket.isoWeek(end),
                Bucket.isoWeek(thisWeek), thisWeekDays, thisWeekMet,
                longest, longestFrom == null ? null : Bucket.isoWeek(longestFrom),
                longestTo == null ? null : Bucket.isoWeek(longestTo));
    }

    private static NavigableSet<LocalDate> upTo(Collection<LocalDate> activeDays, LocalDate asOf) {
        return new TreeSet<>(activeDays).headSet(asOf, true);
    }
}
