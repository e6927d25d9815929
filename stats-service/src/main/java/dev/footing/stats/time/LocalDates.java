package dev.footing.stats.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The one place that turns "now" into a user's local date. */
public final class LocalDates {

    private LocalDates() {
    }

    /** Today in {@code zone}: the date a user there would write down at {@code clock}'s instant. */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
