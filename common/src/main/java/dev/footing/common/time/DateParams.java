package dev.footing.common.time;

import java.time.DateTimeException;
import java.time.LocalDate;

import dev.footing.common.problem.ProblemException;

/** Query parameters that are dates, read the same way everywhere: a 400 naming the parameter when they are not. */
public final class DateParams {

    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private DateParams() {
    }

    /** The date in {@code value} (YYYY-MM-DD), or null when the parameter is absent or blank. */
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
        // LocalDate accepts years up to ±999999999, where week and month arithmetic (and PostgreSQL) give out.
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw ProblemException.invalidField(parameter, "must be between 0001-01-01 and 9999-12-31");
        }
        return date;
    }
}
