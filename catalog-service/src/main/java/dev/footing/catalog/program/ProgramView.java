package dev.footing.catalog.program;

import java.util.List;
import java.util.UUID;

import dev.footing.catalog.exercise.Prescription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program as the API answers it; each item names its exercise so a client can link to it. */
public record ProgramView(UUID id, String slug, String name, String goal, String author, String frequency,
        @Schema(nullable = true) Integer sessionsPerWeek, List<Item> items) {

    public record Item(int position, ExerciseRef exercise, @Schema(nullable = true) Prescription prescription) {
    }

    /** Enough of the exercise to show and link it; {@code retired} tells a client the link is historical. */
    public record ExerciseRef(UUID id, String slug, String name, boolean retired) {
    }

    public static ProgramView of(Program p) {
        return new ProgramView(p.id, p.slug, p.name, p.goal, p.author, p.frequency, p.sessionsPerWeek, p.items.stream()
                .map(i -> new Item(i.position, new ExerciseRef(i.exercise.id, i.exercise.slug, i.exercise.name, i.exercise.retired),
                        i.prescription))
                .toList());
    }
}
