package dev.footing.stats.streak;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Daily streaks as of a date. {@code current} is 0 with null dates when there is no live run;
 * {@code longest} is 0 with null dates when the user was never active.
 */
public record DailyStreak(int current, @Schema(nullable = true) LocalDate currentFrom,
        @Schema(nullable = true) LocalDate currentTo, int longest, @Schema(nullable = true) LocalDate longestFrom,
        @Schema(nullable = true) LocalDate longestTo) {
}
