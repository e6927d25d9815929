package dev.footing.session.event;

import java.util.List;
import java.util.UUID;

/** The exercise as it stood when the set was logged, so consumers never need the catalog. */
public record ExerciseRef(UUID id, String slug, String name, String category, List<String> bodyAreas,
        String measurement, boolean unilateral) {
}
