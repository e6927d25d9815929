package dev.footing.stats.streak;

/**
 * Weekly streaks for a goal of {@code goal} active days per ISO week. Weeks are labelled
 * {@code 2026-W53}; null when there is no such run.
 */
public record WeeklyStreak(int goal, int current, String currentFromWeek, String currentToWeek,
        String thisWeek, int thisWeekActiveDays, boolean thisWeekMet,
        int longest, String longestFromWeek, String longestToWeek) {
}
