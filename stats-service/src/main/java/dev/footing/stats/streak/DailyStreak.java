package dev.footing.stats.streak;

import java.time.LocalDate;

/**
 * Daily streaks as of a date. {@code current} is 0 with null dates when there is no live run;
 * {@code longest} is 0 with null dates when the user was never active.
 */
public record DailyStreak(int current, LocalDate currentFrom, LocalDate currentTo,
        int longest, LocalDate longestFrom, LocalDate longestTo) {
}
