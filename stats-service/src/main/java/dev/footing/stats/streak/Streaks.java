package dev.footing.stats.streak;

import java.time.LocalDate;

/** The answer of GET /streaks. */
public record Streaks(String userId, LocalDate asOf, String timezone, DailyStreak daily, WeeklyStreak weekly) {
}
