package dev.footing.stats.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.footing.stats.streak.StreakCalculator;

class LocalDatesTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static LocalDate todayAt(String instant, ZoneId zone) {
        return LocalDates.today(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), zone);
    }

    @Test
    void aucklandIsAheadOfUtc() {
        // NZDT (+13) until 2026-04-05 03:00 local.
        assertThat(todayAt("2026-04-04T10:59:00Z", AUCKLAND)).isEqualTo(LocalDate.parse("2026-04-04"));
        assertThat(todayAt("2026-04-04T11:00:00Z", AUCKLAND)).isEqualTo(LocalDate.parse("2026-04-05"));
    }

    @Test
    void aucklandMidnightMovesWhenDaylightSavingEnds() {
        // From 2026-04-05 03:00 NZDT clocks go back to 02:00 NZST (+12): the next midnight is at 12:00 UTC.
        assertThat(todayAt("2026-04-05T11:59:00Z", AUCKLAND)).isEqualTo(LocalDate.parse("2026-04-05"));
        assertThat(todayAt("2026-04-05T12:00:00Z", AUCKLAND)).isEqualTo(LocalDate.parse("2026-04-06"));
    }

    @Test
    void aucklandMidnightMovesWhenDaylightSavingStarts() {
        // 2026-09-27 02:00 NZST becomes 03:00 NZDT (+13): midnight of the 28th is 2026-09-27T11:00Z.
        assertThat(todayAt("2026-09-27T10:59:00Z", AUCKLAND)).isEqualTo(LocalDate.parse("2026-09-27"));
        assertThat(todayAt("2026-09-27T11:00:00Z", AUCKLAND)).isEqualTo(LocalDate.parse("2026-09-28"));
    }

    @Test
    void newYorkAcrossTheFallBackHour() {
        // 2026-11-01 02:00 EDT becomes 01:00 EST (-5): that day has 25 hours and ends at 05:00Z on the 2nd.
        assertThat(todayAt("2026-11-01T04:00:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(todayAt("2026-11-02T04:59:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(todayAt("2026-11-02T05:00:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-11-02"));
    }

    @Test
    void newYorkAcrossTheSpringForwardHour() {
        // 2026-03-08 has 23 hours: it starts at 05:00Z and ends at 04:00Z on the 9th.
        assertThat(todayAt("2026-03-08T04:59:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-03-07"));
        assertThat(todayAt("2026-03-08T05:00:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(todayAt("2026-03-09T03:59:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(todayAt("2026-03-09T04:00:00Z", NEW_YORK)).isEqualTo(LocalDate.parse("2026-03-09"));
    }

    @Test
    void streakSurvivesUntilMidnightInUsersZone() {
        var active = java.util.List.of(LocalDate.parse("2026-04-04"), LocalDate.parse("2026-04-05"));
        // 23:30 on the 5th in Auckland (NZST): today is active.
        assertThat(StreakCalculator.daily(active, todayAt("2026-04-05T11:30:00Z", AUCKLAND)).current()).isEqualTo(2);
        // 00:30 on the 6th: today is not over, the run that ended yesterday is alive.
        assertThat(StreakCalculator.daily(active, todayAt("2026-04-05T12:30:00Z", AUCKLAND)).current()).isEqualTo(2);
        // 00:30 on the 7th: broken.
        assertThat(StreakCalculator.daily(active, todayAt("2026-04-06T12:30:00Z", AUCKLAND)).current()).isZero();
        // The same instant in UTC is still the 6th: a user in London would keep the run a day longer.
        assertThat(StreakCalculator.daily(active, todayAt("2026-04-06T12:30:00Z", ZoneOffset.UTC)).current()).isEqualTo(2);
    }
}
