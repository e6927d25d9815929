package dev.footing.stats.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * stats-service's own settings, under {@code footing.stats.*}. The Kafka consumer of
 * {@code workout-events} is configured where SmallRye reads it ({@code mp.messaging.incoming.workout-events.*}).
 */
@ConfigMapping(prefix = "footing.stats")
public interface StatsConfig {

    /** The topic the live consumer reads and a rebuild replays. */
    @WithDefault("workout-events")
    String eventsTopic();

    Consumer consumer();

    Live live();

    Dashboard dashboard();

    interface Consumer {
        /**
         * false runs the API without consuming (a read replica); the channel reads it through
         * {@code mp.messaging.incoming.workout-events.enabled}.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Events per batch, which is one poll and one database transaction; the channel reads it through
         * {@code mp.messaging.incoming.workout-events.max.poll.records}. At most {@link #DEAD_LETTER_BUFFER}:
         * a batch whose every event is a dead letter sends them all at once, and more than the dead-letter
         * channel buffers would fail that batch on every retry, so the consumer would never get past it.
         * Checked when the service starts (a constraint on this mapping), not when such a batch comes.
         */
        @WithDefault("250")
        @Min(1)
        @Max(DEAD_LETTER_BUFFER)
        int maxPollRecords();

        /** The dead-letter channel's buffer, in letters (consumer/DeadLetters). */
        int DEAD_LETTER_BUFFER = 1024;
    }

    interface Live {
        /** How often the users someone watches are checked for events another instance applied. */
        @WithDefault("1S")
        Duration pollInterval();
    }

    /**
     * What the dashboard page needs to sign in: the provider as the BROWSER reaches it (which may
     * differ from the issuer the services use, e.g. behind compose networking) and the public client.
     */
    interface Dashboard {
        /** The realm URL as the browser sees it, e.g. {@code http://localhost:8180/realms/footing}. */
        String oidcPublicUrl();

        /** The public Authorization Code + PKCE client of the browser pages. */
        String clientId();

        /** catalog-service as the browser reaches it: the training page reads exercises and programs there. */
        String catalogUrl();

        /** session-service as the browser reaches it: the training page logs sets there. */
        String sessionUrl();
    }
}
