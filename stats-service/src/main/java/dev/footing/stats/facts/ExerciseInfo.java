package dev.footing.stats.facts;

import java.util.List;
import java.util.UUID;

/** An exercise as the user's most recent counted set of it described it. */
public record ExerciseInfo(UUID id, String slug, String name, String category, List<String> bodyAreas,
        String measurement, boolean unilateral) {
}
