package dev.footing.session.workout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session in a list: its sets are counted, not listed. */
public record SessionSummary(UUID id, String userId, String timezone, @Schema(nullable = true) UUID programId,
        Instant startedAt, LocalDate startedLocalDate, @Schema(nullable = true) Instant completedAt,
        @Schema(nullable = true) String notes, long setCount) {
}
