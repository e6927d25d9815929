package dev.footing.stats.goal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A user's weekly goal: how many active days make an ISO week count for the weekly streak. */
public record Goal(@NotNull @Min(1) @Max(7) Integer activeDaysPerWeek) {

    public static final int DEFAULT_ACTIVE_DAYS_PER_WEEK = 1;
}
