package dev.footing.stats.event;

import java.util.List;
import java.util.UUID;

/** The exercise as a set event describes it (a snapshot taken when the set was logged). */
public record ExerciseRef(UUID id, String slug, String name, Category category, List<BodyArea> bodyAreas,
        Measurement measurement, boolean unilateral) {
}
