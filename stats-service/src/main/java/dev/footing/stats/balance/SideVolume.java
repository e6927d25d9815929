package dev.footing.stats.balance;

/** Counted sets on one side and their volume (reps or seconds, see {@link ExerciseBalance#unit()}). */
public record SideVolume(long sets, long volume) {
}
