package dev.footing.session.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LocalDatesTest {

    @Test
    void lateEveningInNewYorkIsStillThatDayThere() {
        assertThat(LocalDates.localDate(Instant.parse("2026-06-01T03:00:00Z"), "America/New_York"))
                .isEqualTo(LocalDate.parse("2026-05-31"));
    }

    @Test
    void halfPastMidnightOnTheNightSummerTimeStartsInParis() {
        assertThat(LocalDates.localDate(Instant.parse("2026-03-29T22:30:00Z"), "Europe/Paris"))
                .isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(LocalDates.localDate(Instant.parse("2026-03-29T21:30:00Z"), "Europe/Paris"))
                .isEqualTo(LocalDate.parse("2026-03-29"));
    }

    @Test
    void kiribatiIsAlreadyTomorrow() {
        assertThat(LocalDates.localDate(Instant.parse("2026-01-01T10:30:00Z"), "Pacific/Kiritimati"))
                .isEqualTo(LocalDate.parse("2026-01-02"));
    }

    @Test
    void onlyIanaRegionIdsAreZones() {
        assertThat(LocalDates.isIanaZone("Europe/Paris")).isTrue();
        assertThat(LocalDates.isIanaZone("UTC")).isTrue();
        assertThat(LocalDates.isIanaZone("+02:00")).isFalse();
        assertThat(LocalDates.isIanaZone("Mars/Olympus_Mons")).isFalse();
        assertThat(LocalDates.isIanaZone("europe/paris")).isFalse();
        assertThat(LocalDates.isIanaZone(null)).isFalse();
    }

    @Test
    void instantsAreCutToMicrosecondsAsPostgresKeepsThem() {
        assertThat(LocalDates.micros(Instant.parse("2026-01-01T00:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }
}
