package dev.footing.stats.balance;

import dev.footing.stats.facts.ExerciseInfo;

/**
 * Left/right balance of one unilateral exercise. Volume is reps for REPS exercises and seconds
 * for DURATION ones ({@code unit}); {@code asymmetry} = (L - R) / max(L, R), null if both are 0.
 */
public record ExerciseBalance(ExerciseInfo exercise, String unit, SideVolume left, SideVolume right, Double asymmetry) {
}
