package dev.footing.stats.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A calendar bucket of local dates: a day, an ISO week (Monday to Sunday) or a calendar month.
 * A bucket is named by its first day; its label is what a chart shows.
 */
public enum Bucket {
    DAY, WEEK, MONTH;

    /** The first day of the bucket that holds {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The last day of the bucket that starts at {@code start}. */
    public LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** {@code 2026-12-31}, {@code 2026-W53} (ISO week-based year), {@code 2026-12}. */
    public String label(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case WEEK -> isoWeek(date);
            case MONTH -> date.toString().substring(0, 7);
        };
    }

    /** Starts of every bucket that overlaps [from, to], in order. */
    public List<LocalDate> starts(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = start(from); !start.isAfter(to); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }

    /** How many buckets overlap [from, to], without listing them. */
    public long count(LocalDate from, LocalDate to) {
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(from, to) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(start(from), start(to)) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(start(from), start(to)) + 1;
        };
    }

    /** The ISO week of a date, e.g. 2027-01-01 is in {@code 2026-W53}. */
    public static String isoWeek(LocalDate date) {
        return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
