package dev.footing.catalog.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything tunable in catalog-service beyond the datasource and the Kafka channel. */
@ConfigMapping(prefix = "footing.catalog")
public interface CatalogConfig {

    Outbox outbox();

    interface Outbox {

        /** Most rows published in one relay pass (one database transaction). */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for rows when no commit woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Published rows are kept this long (for inspection), then deleted. */
        @WithDefault("24h")
        Duration keepPublished();

        /**
         * Longest wait for the broker's acknowledgements of one pass. Above the producer's own
         * delivery timeout, so normally the producer answers first; this only guards against a hang.
         */
        @WithDefault("30s")
        Duration ackTimeout();
    }
}
