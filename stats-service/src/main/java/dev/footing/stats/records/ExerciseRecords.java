package dev.footing.stats.records;

import dev.footing.stats.facts.ExerciseInfo;

/**
 * Personal records of one exercise; a record is null when no counted set has a value for it
 * (no reps for a hold, no external load for bodyweight work).
 */
public record ExerciseRecords(ExerciseInfo exercise, PersonalRecord mostReps, PersonalRecord heaviestLoadKg,
        PersonalRecord longestHoldSeconds, PersonalRecord largestLoadVolumeKg) {
}
