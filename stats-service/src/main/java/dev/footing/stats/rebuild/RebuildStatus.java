package dev.footing.stats.rebuild;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a rebuild is. {@code eventsToReplay} is the count of records on the topic when it
 * started (up to the end offsets it captured); {@code caughtUpEvents} were applied by the live
 * consumer after those offsets and carried over at the swap.
 */
public record RebuildStatus(UUID id, State state, Instant startedAt, Instant finishedAt, long eventsToReplay,
        long recordsRead, long eventsApplied, long duplicatesSkipped, long poisonSkipped, long caughtUpEvents,
        String error) {

    public enum State {
        RUNNING, SUCCEEDED, FAILED
    }
}
