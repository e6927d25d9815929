package dev.footing.stats.exercise;

import java.util.List;
import java.util.UUID;

import dev.footing.stats.facts.DayTotals;
import dev.footing.stats.facts.ExerciseInfo;
import dev.footing.stats.facts.Totals;
import dev.footing.stats.records.ExerciseRecords;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One exercise for one user: totals, records and the active days of its history. {@code exercise}
 * and {@code records} are null when the user has no counted set of it.
 */
public record ExerciseProgress(String userId, UUID exerciseId, @Schema(nullable = true) ExerciseInfo exercise,
        Totals totals, @Schema(nullable = true) ExerciseRecords records, List<DayTotals> history) {
}
