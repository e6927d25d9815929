package dev.footing.stats.program;

import java.util.List;

/** One followed program's weeks and its weekly streak on plan. */
public record ProgramAdherence(FollowedProgram.ProgramRef program, int sessionsPerWeek, List<AdherenceWeek> weeks,
        int weeklyStreak) {
}
