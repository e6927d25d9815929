package dev.footing.session.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything tunable in session-service beyond the datasource and the Kafka channels (those are
 * SmallRye's, under {@code mp.messaging.*}).
 */
@ConfigMapping(prefix = "footing.session")
public interface SessionConfig {

    Outbox outbox();

    /** Largest number of sets accepted in one request (docs/architecture.md §3: 500). */
    @WithDefault("500")
    int maxSetsPerRequest();

    Export export();

    interface Export {
        /**
         * Exports streamed at once by one instance; one more is a 503 with Retry-After. Each holds a
         * database connection for as long as its client reads, so this keeps the pool for writes.
         */
        @WithDefault("2")
        int maxConcurrent();

        /** Rows fetched from PostgreSQL per round trip of the export's cursor: what an export holds in memory. */
        @WithDefault("500")
        int fetchSize();

        /**
         * How long the export's connection waits for PostgreSQL to answer (its socket timeout, instead of
         * the pool's 5 s): the first fetch waits for the whole history to be sorted.
         */
        @WithDefault("60s")
        Duration readTimeout();
    }

    interface Outbox {
        /** Off only to run an instance that accepts writes but leaves publishing to others. */
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for rows when nobody nudged it (a write nudges it at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most rows published in one relay pass (one database transaction). */
        @WithDefault("500")
        int batchSize();

        /** Sent rows are kept this long (for inspection), then purged. */
        @WithDefault("P7D")
        Duration retention();

        /** How often sent rows past the retention are deleted (read by the scheduler). */
        @WithDefault("10m")
        String purgeInterval();

        /** How often the backlog gauges are refreshed from the database (read by the scheduler). */
        @WithDefault("5s")
        String backlogSampleInterval();

        /** When idle this long, the relay checks that the broker answers (for the health detail). */
        @WithDefault("10s")
        Duration brokerProbeInterval();

        /** Longest pause between passes after failures, so a returning broker is used soon. */
        @WithDefault("5s")
        Duration maxBackoff();
    }
}
