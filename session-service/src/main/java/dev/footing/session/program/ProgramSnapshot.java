package dev.footing.session.program;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.footing.session.replica.CatalogSnapshot;

/**
 * The part of a {@code program-catalog} record this service keeps. The catalog sends more (goal,
 * frequency, items...), which validating a session's {@code programId} does not need.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramSnapshot(UUID id, String slug, String name, Boolean retired, Instant updatedAt) implements CatalogSnapshot {

    /** A snapshot we can name a program by; anything less is skipped with a warning. */
    @Override
    public boolean isComplete() {
        return id != null && slug != null && name != null;
    }
}
