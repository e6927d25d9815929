package dev.footing.session.export;

import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.session.config.SessionConfig;

/**
 * How many exports this instance streams at once. Each holds a pooled database connection for as long
 * as its client reads (a slow client, a long time): a bound keeps the pool for the writes.
 */
@ApplicationScoped
public class ExportSlots {

    @Inject
    SessionConfig config;

    private Semaphore slots;

    @PostConstruct
    void init() {
        slots = new Semaphore(config.export().maxConcurrent());
    }

    /** A slot, or false when every one is taken; give it back with {@link #release()}. */
    public boolean tryAcquire() {
        return slots.tryAcquire();
    }

    public void release() {
        slots.release();
    }
}
