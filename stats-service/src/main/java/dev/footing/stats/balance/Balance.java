package dev.footing.stats.balance;

import java.util.List;

/** The answer of GET /balance, exercises by name. */
public record Balance(String userId, List<ExerciseBalance> exercises) {
}
