package dev.footing.stats.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import dev.footing.stats.config.StatsConfig;

/**
 * Sends messages that cannot be applied to {@code workout-events-dlq} through the SmallRye channel of
 * that name: the original key, value and headers, plus {@code dlq-reason}, {@code dlq-kind},
 * {@code dlq-original-topic}, {@code dlq-original-partition}, {@code dlq-original-offset} and
 * {@code dlq-failed-at}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String KIND = "dlq-kind";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String FAILED_AT = "dlq-failed-at";

    /** The Kafka sink gives up on a letter before this (delivery.timeout.ms); this only bounds the wait. */
    private static final Duration CONFIRM_WITHIN = Duration.ofSeconds(60);

    /**
     * A batch holds at most max.poll.records records (STATS_MAX_POLL_RECORDS, refused at start above this
     * buffer's size: {@link StatsConfig.Consumer#maxPollRecords}), so at most that many letters are in flight at once.
     */
    @Inject
    @Channel("workout-events-dlq")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = StatsConfig.Consumer.DEAD_LETTER_BUFFER)
    MutinyEmitter<byte[]> channel;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** The dead letters of one batch, sent together and confirmed before the batch is acknowledged. */
    public final class Batch {
        private final List<Uni<Void>> sent = new ArrayList<>();

        public void send(ConsumerRecord<String, byte[]> original, String kind, String reason) {
            RecordHeaders headers = new RecordHeaders(original.headers().toArray());
            headers.add(REASON, bytes(reason));
            headers.add(KIND, bytes(kind));
            headers.add(ORIGINAL_TOPIC, bytes(original.topic()));
            headers.add(ORIGINAL_PARTITION, bytes(String.valueOf(original.partition())));
            headers.add(ORIGINAL_OFFSET, bytes(String.valueOf(original.offset())));
            headers.add(FAILED_AT, bytes(clock.instant().toString()));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(original.key()).withHeaders(headers).build();
            // Sent at once (the Uni is subscribed here and remembered), confirmed all together below.
            Uni<Void> stored = channel.sendMessage(Message.of(original.value()).addMetadata(metadata))
                    .memoize().indefinitely();
            stored.subscribe().with(ok -> { }, failure -> { });
            sent.add(stored);
            registry.counter("footing.stats.dlq.messages", "kind", kind).increment();
        }

        /** Throws if any dead letter was not stored: the batch must then not be acknowledged past its source. */
        public void confirm() {
            if (!sent.isEmpty()) {
                Uni.join().all(sent).andFailFast().await().atMost(CONFIRM_WITHIN);
            }
        }
    }

    public Batch batch() {
        return new Batch();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
