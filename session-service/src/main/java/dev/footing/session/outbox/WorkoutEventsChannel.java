package dev.footing.session.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.session.event.WorkoutEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The {@code workout-events} channel (SmallRye Kafka, configured under
 * {@code mp.messaging.outgoing.workout-events.*}): one outbox row becomes one record keyed by user,
 * with its CloudEvents attributes as {@code ce_*} headers (binary mode of the CloudEvents Kafka binding).
 */
@ApplicationScoped
public class WorkoutEventsChannel {

    static final String CHANNEL = "workout-events";

    /**
     * Unbounded here because the relay is the bound: it sends at most one pass (batch-size rows) and
     * waits for every acknowledgement before it sends more.
     */
    @Inject
    @Channel(CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    @Inject
    KafkaClientService kafka;

    @ConfigProperty(name = "mp.messaging.outgoing.workout-events.topic", defaultValue = CHANNEL)
    String topic;

    @ConfigProperty(name = "mp.messaging.outgoing.workout-events.max.block.ms", defaultValue = "3000")
    long maxBlockMs;

    @ConfigProperty(name = "mp.messaging.outgoing.workout-events.delivery.timeout.ms", defaultValue = "10000")
    long deliveryTimeoutMs;

    /** How long the producer may take to acknowledge or fail a record (its delivery.timeout.ms). */
    public Duration deliveryTimeout() {
        return Duration.ofMillis(deliveryTimeoutMs);
    }

    /**
     * Whether SmallRye has wired the channel: it does so while the application starts, after the
     * scheduler may already have ticked; a pass before that would fail on an unconnected emitter.
     */
    public boolean connected() {
        return kafka.getProducer(CHANNEL) != null;
    }

    /**
     * Fails fast when the producer does not even know the topic's partitions (a broker that was
     * never reachable since start). Without it every send would wait max.block.ms for metadata, one
     * after the other on the producer's single sending thread, and outlive the relay's wait: a record
     * the relay gave up on could then still reach the topic later, beside its republished copy.
     * With the partitions known, a send never blocks and each record is acknowledged or failed
     * within delivery.timeout.ms.
     */
    public void requireTopicMetadata() {
        kafka.getProducer(CHANNEL).partitionsFor(topic).await().atMost(Duration.ofMillis(maxBlockMs + 2_000));
    }

    /** Sends the row; the future completes when the broker acknowledged it, or fails with the reason. */
    public CompletableFuture<Void> send(OutboxRow row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.eventId().toString());
        header(headers, "ce_type", row.type());
        header(headers, "ce_source", WorkoutEvent.SOURCE);
        header(headers, "ce_time", row.occurredAt().toString());
        header(headers, "content-type", "application/json");
        Message<String> message = Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(row.userId()).withHeaders(headers).build());
        if (row.traceparent() != null) {
            // The request's trace goes on in the consumer. Written here rather than by SmallRye's
            // tracing (off on this channel): the relay publishes long after the request, on a thread
            // of its own, where the current context is not the request's.
            header(headers, "traceparent", row.traceparent());
        }
        message = message
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
