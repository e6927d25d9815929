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
