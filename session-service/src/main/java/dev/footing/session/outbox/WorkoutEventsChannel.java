package dev.footing.session.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.session.event.WorkoutEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The {@code workout-events} channel (SmallRye Kafka, configured under
 * {@code mp.messaging.outgoing.workout-events.*}): one outbox row becomes one record keyed by user,
 * with its CloudEvents attributes as {@code ce_*} headers (binary mode of the CloudEvents Kafka binding).
 */
@ApplicationScoped
public class WorkoutEventsChannel {

    static final String CHANNEL = "workout-events";

    /**
     * Not sent through (see {@link #send}); it declares the channel, so that SmallRye makes its
     * producer from the channel's configuration and runs its lifecycle and health.
     */
    @Inject
    @Channel(CHANNEL)
    Emitter<byte[]> emitter;

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
     * scheduler may already have ticked. Static, so that asking does not make this bean: made before
     * the channel is wired, its emitter cannot be injected (SmallRye's SRMSG00019).
     */
    public static boolean wired(KafkaClientService kafka) {
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

    /**
     * Hands a pass's rows to the channel's producer, in order; each future completes when the broker
     * acknowledged its row, or fails with the reason. A row the producer refused to take fails at
     * once, and so does every row after it. A row that fails later (its callback) does not stop the
     * rows after it; the relay counts only each user's acknowledged prefix as sent and republishes
     * the rest in order, so a consumer may see a later event before an earlier one's republished copy
     * (it applies each event id once, in any order).
     *
     * <p>The records go to the producer SmallRye made and configured for this channel, from its own
     * sending thread ({@link io.smallrye.reactive.messaging.kafka.KafkaProducer#runOnSendingThread}),
     * one hand-over per pass, rather than through the emitter one message at a time: the relay
     * already does what the message pipeline adds (it waits for every acknowledgement, and
     * republishes what failed, in order), and that pipeline (a message, its metadata, context
     * propagation and an acknowledgement chain per record) cost more CPU than the Kafka client's
     * own work for the record (docs/architecture.md §10).
     */
    public List<CompletableFuture<Void>> send(List<OutboxRow> rows) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        rows.forEach(row -> acks.add(new CompletableFuture<>()));
        AtomicBoolean givenUp = new AtomicBoolean();
        try {
            kafka.<String, byte[]>getProducer(CHANNEL).runOnSendingThread(producer -> {
                for (int i = 0; i < rows.size(); i++) {
                    CompletableFuture<Void> acked = acks.get(i);
                    if (givenUp.get()) {
                        // The relay stopped waiting: a record sent now would reach the topic beside its republished copy.
                        return;
                    }
                    try {
                        producer.send(record(rows.get(i)), (metadata, failure) -> {
                            if (failure == null) {
                                acked.complete(null);
                            } else {
                                acked.completeExceptionally(failure);
                            }
                        });
                    } catch (RuntimeException refused) {
                        acks.subList(i, acks.size()).forEach(ack -> ack.completeExceptionally(refused));
                        return;
                    }
                }
            }).await().atMost(Duration.ofMillis(maxBlockMs + 2_000));
        } catch (RuntimeException e) {
            // The hand-over itself failed or took too long: whatever was not acknowledged is retried by the relay.
            givenUp.set(true);
            acks.forEach(ack -> ack.completeExceptionally(e));
        }
        return acks;
    }

    private ProducerRecord<String, byte[]> record(OutboxRow row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.eventId().toString());
        header(headers, "ce_type", row.type());
        header(headers, "ce_source", WorkoutEvent.SOURCE);
        header(headers, "ce_time", row.occurredAt().toString());
        header(headers, "content-type", "application/json");
        if (row.traceparent() != null) {
            // The request's trace goes on in the consumer. Written here rather than by SmallRye's
            // tracing (off on this channel): the relay publishes long after the request, on a thread
            // of its own, where the current context is not the request's.
            header(headers, "traceparent", row.traceparent());
        }
        return new ProducerRecord<>(topic, null, row.userId(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
