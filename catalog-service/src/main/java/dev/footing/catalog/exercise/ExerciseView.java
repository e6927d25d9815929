package dev.footing.catalog.exercise;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.footing.catalog.progression.Progression;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exercise as the API answers it and as it is published to {@code exercise-catalog}: one shape,
 * so a replica built from the topic holds exactly what a client reads over HTTP.
 */
public record ExerciseView(UUID id, String slug, String name, String summary, List<String> instructions,
        Category category, List<BodyArea> bodyAreas, List<Equipment> equipment, Difficulty difficulty,
        Measurement measurement, boolean unilateral, Prescription prescription, @Schema(nullable = true) Progression progression,
        List<String> cautions, String source, List<String> ownAdvice, boolean retired, Instant updatedAt) {

    public static ExerciseView of(Exercise e) {
        return new ExerciseView(e.id, e.slug, e.name, e.summary, List.copyOf(e.instructions),
                Category.valueOf(e.category), names(BodyArea.class, e.bodyAreas), names(Equipment.class, e.equipment),
                Difficulty.valueOf(e.difficulty), Measurement.valueOf(e.measurement), e.unilateral, e.prescription,
                e.progression, List.copyOf(e.cautions), e.source, List.copyOf(e.ownAdvice), e.retired, e.updatedAt);
    }

    private static <E extends Enum<E>> List<E> names(Class<E> type, List<String> values) {
        return values.stream().map(v -> Enum.valueOf(type, v)).toList();
    }
}
