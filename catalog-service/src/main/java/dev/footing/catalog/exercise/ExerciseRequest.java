package dev.footing.catalog.exercise;

import java.util.List;

/**
 * The body of {@code POST} and {@code PUT /api/exercises}: every field of an exercise except the
 * server-owned ones (id, updatedAt). Unknown fields are ignored, so a client may send back what
 * it read. {@code retired} is optional: absent keeps the current state (false on create).
 */
public record ExerciseRequest(String slug, String name, String summary, List<String> instructions,
        Category category, List<BodyArea> bodyAreas, List<Equipment> equipment, Difficulty difficulty,
        Measurement measurement, Boolean unilateral, Prescription prescription, List<String> cautions,
        String source, Boolean retired) {
}
