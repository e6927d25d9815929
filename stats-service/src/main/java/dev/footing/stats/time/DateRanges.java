package dev.footing.stats.time;

import java.time.LocalDate;

import dev.footing.common.problem.ProblemException;

/**
 * The stats API's rules for a from..to range (the dates themselves are parsed by common's
 * {@code DateParams}): ordered, and no more buckets than one answer may hold.
 */
public final class DateRanges {

    /** The most buckets one answer may hold: a year of days, and the same count of weeks or months. */
    public static final int MAX_BUCKETS = 366;

    private DateRanges() {
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
