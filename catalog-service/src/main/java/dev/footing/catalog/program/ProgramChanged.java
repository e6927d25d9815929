package dev.footing.catalog.program;

/**
 * Fired inside the writing transaction whenever a program's snapshot is (re)queued; the outbox observes
 * it in the same transaction, like {@code ExerciseChanged}.
 */
public record ProgramChanged(ProgramSnapshot snapshot) {
}
