package dev.footing.stats.summary;

import java.time.Instant;
import java.time.LocalDate;

import dev.footing.stats.facts.Totals;
import dev.footing.stats.streak.DailyStreak;
import dev.footing.stats.streak.WeeklyStreak;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a dashboard shows first. {@code allTime}, {@code eventsApplied} and {@code lastEventAt}
 * are the whole state; {@code thisWeek}, the streaks and {@code lastActiveDate} are as of
 * {@code asOf} (today in {@code timezone} unless asked otherwise).
 */
public record Summary(String userId, LocalDate asOf, String timezone, long eventsApplied,
        @Schema(nullable = true) Instant lastEventAt, @Schema(nullable = true) LocalDate lastActiveDate,
        Totals allTime, WeekTotals thisWeek, DailyStreak dailyStreak, WeeklyStreak weeklyStreak) {
}
