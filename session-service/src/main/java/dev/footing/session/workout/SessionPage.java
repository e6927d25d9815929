package dev.footing.session.workout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One page of a user's sessions, newest first. */
public record SessionPage(List<Summary> items, int page, int size, long total) {

    /** A session in a list: its sets are counted, not listed. */
    public record Summary(UUID id, String userId, String timezone, UUID programId, Instant startedAt,
            LocalDate startedLocalDate, Instant completedAt, String notes, long setCount) {
    }
}
