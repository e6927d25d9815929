package dev.footing.stats.program;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code PUT .../programs/{program}}: sessions per week, optional (default: the program's advice, else 2). */
public record FollowRequest(@Min(value = 1, message = "must be between 1 and 14")
        @Max(value = 14, message = "must be between 1 and 14") Integer sessionsPerWeek) {
}
