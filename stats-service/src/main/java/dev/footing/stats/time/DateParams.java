package dev.footing.stats.time;

import java.time.DateTimeException;
import java.time.LocalDate;

import dev.footing.common.problem.ProblemException;

/** Query parameters that are dates: a 400 naming the parameter when they are not. */
public final class DateParams {

    /** The most buckets one answer may hold: a year of days, and the same count of weeks or months. */
    public static final int MAX_BUCKETS = 366;

    private DateParams() {
    }

    /** Null when absent. */
    public static LocalDate parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(parameter, "not a date (YYYY-MM-DD): \"" + value + "\"");
        }
        // LocalDate accepts years up to ±999999999, where week and month arithmetic overflows.
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw ProblemException.invalidField(parameter, "must be between 0001-01-01 and 9999-12-31");
        }
        return date;
    }

    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to (" + from + " > " + to + ")");
        }
    }

    public static void requireAtMost(Bucket bucket, LocalDate from, LocalDate to, String parameter) {
        long count = bucket.count(from, to);
        if (count > MAX_BUCKETS) {
            throw ProblemException.invalidField(parameter, "the range " + from + ".." + to + " holds " + count + " "
                    + bucket.name().toLowerCase() + " buckets; at most " + MAX_BUCKETS + " are allowed");
        }
    }
}
