package dev.footing.stats.streak;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Weekly streaks for a goal of {@code goal} active days per ISO week. Weeks are labelled
 * {@code 2026-W53}; null when there is no such run.
 */
public record WeeklyStreak(int goal, int current, @Schema(nullable = true) String currentFromWeek,
        @Schema(nullable = true) String currentToWeek,
        String thisWeek, int thisWeekActiveDays, boolean thisWeekMet,
        int longest, @Schema(nullable = true) String longestFromWeek, @Schema(nullable = true) String longestToWeek) {
}
