package dev.footing.session.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** The one place that turns an instant into a user's local date, and checks zone names. */
public final class LocalDates {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private LocalDates() {
    }

    public static LocalDate localDate(Instant instant, String timezone) {
        return instant.atZone(ZoneId.of(timezone)).toLocalDate();
    }

    /** Region ids of the IANA database only: fixed offsets ("+02:00") have no daylight saving rules. */
    public static boolean isIanaZone(String timezone) {
        return timezone != null && ZONES.contains(timezone);
    }

    /** PostgreSQL keeps microseconds: instants are cut to that, so what we store is what we compare. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
