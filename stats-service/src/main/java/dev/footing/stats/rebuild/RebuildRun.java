package dev.footing.stats.rebuild;

import java.time.Instant;
import java.util.UUID;

import dev.footing.stats.rebuild.RebuildStatus.State;

/** One rebuild as it goes: written by the rebuild thread, read by status requests. */
final class RebuildRun {
    final UUID id;
    final Instant startedAt;
    volatile State state = State.RUNNING;
    volatile Instant finishedAt;
    volatile long toReplay;
    volatile long read;
    volatile long applied;
    volatile long duplicates;
    volatile long poison;
    volatile long caughtUp;
    volatile String error;

    RebuildRun(UUID id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    void finish(State outcome, Instant at, String failure) {
        finishedAt = at;
        error = failure;
        state = outcome;
    }

    RebuildStatus status() {
        return new RebuildStatus(id, state, startedAt, finishedAt, toReplay, read, applied, duplicates, poison, caughtUp,
                error);
    }
}
