package dev.footing.stats.support;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The live consumer as a test drives it: the {@code workout-events} channel paused and resumed
 * (SmallRye's pausable channels), and its consumer rewound to the beginning of the topic, as if
 * every committed offset were lost.
 */
@ApplicationScoped
public class LiveConsumer {

    private static final String CHANNEL = "workout-events";

    @Inject
    ChannelRegistry channels;

    @Inject
    KafkaClientService kafka;

    public void stop() {
        channels.getPausable(CHANNEL).pause();
    }

    public void start() {
        channels.getPausable(CHANNEL).resume();
    }

    public void rewindToTheBeginning() {
        kafka.<String, byte[]>getConsumer(CHANNEL).runOnPollingThread(consumer -> {
            consumer.seekToBeginning(consumer.assignment());
        }).await().atMost(Duration.ofSeconds(30));
    }
}
