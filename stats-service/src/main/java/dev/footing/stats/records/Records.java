package dev.footing.stats.records;

import java.util.List;

/** The answer of GET /records, exercises by name. */
public record Records(String userId, List<ExerciseRecords> exercises) {
}
