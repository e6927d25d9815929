package dev.footing.session.workout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session in a list: its sets are counted, not listed. */
public record SessionSummary(UUID id, String userId, String timezone, UUID programId, Instant startedAt,
        LocalDate startedLocalDate, Instant completedAt, String notes, long setCount) {
}
