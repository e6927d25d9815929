package dev.footing.catalog.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.footing.catalog.exercise.Prescription;

/**
 * A program as published to {@code program-catalog} (contract: {@code program-catalog/program-snapshot.json}):
 * flat items naming their exercise by id and slug, so a replica needs no second lookup to show or match
 * them. {@code retired} is always false today (programs have no write API and are never retired); it is
 * in the shape so that a retirement would not change it.
 */
public record ProgramSnapshot(UUID id, String slug, String name, String goal, String author, String frequency,
        Integer sessionsPerWeek, List<Item> items, boolean retired, Instant updatedAt) {

    public record Item(UUID exerciseId, String exercise, Prescription prescription) {
    }

    public static ProgramSnapshot of(Program p) {
        return new ProgramSnapshot(p.id, p.slug, p.name, p.goal, p.author, p.frequency, p.sessionsPerWeek,
                p.items.stream().map(i -> new Item(i.exercise.id, i.exercise.slug, i.prescription)).toList(), false,
                p.updatedAt);
    }
}
