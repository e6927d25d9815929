package dev.footing.session.outbox;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What one relay has done: read by health checks and metrics. */
public final class RelayStatus {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private final AtomicLong wakeupsAfterResponse = new AtomicLong();
    private final AtomicLong wakeupsAtOnce = new AtomicLong();
    private final AtomicReference<Instant> lastSuccessAt = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailureAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    /** Null until known: set by passes that reached the broker and by the idle probe. */
    private volatile Boolean brokerReachable;

    void succeeded(int count, Instant at) {
        published.addAndGet(count);
        consecutiveFailures.set(0);
        lastSuccessAt.set(at);
        brokerReachable = true;
    }

    void wokenAfterResponse() {
        wakeupsAfterResponse.incrementAndGet();
    }

    void wokenAtOnce() {
        wakeupsAtOnce.incrementAndGet();
    }

    void probed(boolean reachable, String error) {
        brokerReachable = reachable;
        if (!reachable) {
            lastError.set(error);
        }
    }

    void failed(Exception error, Instant at) {
        failures.incrementAndGet();
        consecutiveFailures.incrementAndGet();
        lastFailureAt.set(at);
        lastError.set(error.toString());
    }

    /**
     * Degraded: the last pass failed, or the idle probe could not reach the broker. Events then wait
     * in the outbox (nothing is lost) until the broker is back.
     */
    public boolean degraded() {
        return consecutiveFailures.get() > 0 || Boolean.FALSE.equals(brokerReachable);
    }

    /** REACHABLE, UNREACHABLE or UNKNOWN (nothing published or probed yet). */
    public String broker() {
        Boolean reachable = brokerReachable;
        return reachable == null ? "UNKNOWN" : reachable ? "REACHABLE" : "UNREACHABLE";
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

    /**
     * Writes that woke the relay once their response was written (the hot writes, inside a request); like
     * {@link #wakeupsAtOnce}, only nudges of a relay that runs (not off, stopping or without a broker connection).
     */
    public long wakeupsAfterResponse() {
        return wakeupsAfterResponse.get();
    }

    /** Writes that woke the relay at once: after their commit, or outside a request. */
    public long wakeupsAtOnce() {
        return wakeupsAtOnce.get();
    }
}
