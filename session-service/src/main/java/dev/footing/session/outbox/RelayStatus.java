package dev.footing.session.outbox;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What one relay has done: read by health checks and metrics. */
public final class RelayStatus {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final AtomicReference<Instant> lastSuccessAt = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailureAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    void succeeded(int count, Instant at) {
        published.addAndGet(count);
        consecutiveFailures.set(0);
        lastSuccessAt.set(at);
    }

    void failed(Exception error, Instant at) {
        failures.incrementAndGet();
        consecutiveFailures.incrementAndGet();
        lastFailureAt.set(at);
        lastError.set(error.toString());
    }

    /** Degraded: the last pass failed, so events wait in the outbox (nothing is lost). */
    public boolean degraded() {
        return consecutiveFailures.get() > 0;
    }

    public long published() {
        return published.get();
    }

    public long failures() {
        return failures.get();
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt.get();
    }

    public Instant lastFailureAt() {
        return lastFailureAt.get();
    }

    public String lastError() {
        return lastError.get();
    }
}
