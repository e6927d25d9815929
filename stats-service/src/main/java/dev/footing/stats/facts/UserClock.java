package dev.footing.stats.facts;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.stats.time.LocalDates;

/** "Today" for a user: the clock's instant in the zone of the user's most recent set (UTC before any). */
@ApplicationScoped
public class UserClock {

    @Inject
    Clock clock;

    @Inject
    CountedSets sets;

    private static final ZoneId UTC = ZoneId.of("UTC");

    public ZoneId zone(String userId) {
        return zoneOf(sets.latestTimezone(userId).orElse(null));
    }

    /** The zone of a user whose most recent set was in {@code latestTimezone} (null: none yet). */
    public ZoneId zoneOf(String latestTimezone) {
        return latestTimezone == null ? UTC : zoneOrUtc(latestTimezone);
    }

    public LocalDate today(ZoneId zone) {
        return LocalDates.today(clock, zone);
    }

    /** This instant, kept: "today" in several zones from it ({@link LocalDates#today}) is of one moment. */
    public Clock stopped() {
        return Clock.fixed(clock.instant(), UTC);
    }

    private static ZoneId zoneOrUtc(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return UTC;
        }
    }
}
