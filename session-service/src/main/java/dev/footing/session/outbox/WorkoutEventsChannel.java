package dev.footing.session.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.session.event.WorkoutEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.producer.Producer;
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
    Emitter<String> emitter;

    @Inject
    KafkaClientService kafka;

    @ConfigProperty(name = "mp.messaging.outgoing.workout-events.topic", defaultValue = CHANNEL)
    String topic;

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
     * Hands a pass's rows to the channel's producer, in order; each future completes when the broker
     * acknowledged its row, or fails with the reason. A row the producer refused to take fails at
     * once, and so does every row after it. A row that fails later (its callback) does not stop the
     * rows after it; the relay counts only each user's acknowledged prefix as sent and republishes
     * the rest in order, so a consumer may see a later event before an earlier one's republished copy
     * (it applies each event id once, in any order).
     *
     * <p>The records go to the producer SmallRye made and configured for this channel, rather than
     * through the emitter one message at a time: the relay already does what the message pipeline adds
     * (it waits for every acknowledgement, and republishes what failed, in order), and that pipeline (a
     * message, its metadata, context propagation and an acknowledgement chain per record) cost more CPU
     * than the Kafka client's own work for the record (docs/architecture.md §10). They are sent from the
     * relay's own thread: Kafka's producer is thread-safe and the relay's passes never overlap, so its
     * records keep their order. Handed to SmallRye's sending thread instead (its {@code runOnSendingThread},
     * until 2026-11-29), a pass paid a hand-over there and back between a set's commit and its publication.
     *
     * <p>First the producer must know the topic's partitions, or nothing is sent: a broker never reachable
     * since start fails the pass after max.block.ms. Without that check every send would wait max.block.ms for
     * metadata, one after the other. With the partitions known, a send never blocks and each record is
     * acknowledged or failed within delivery.timeout.ms.
     */
    public List<CompletableFuture<Void>> send(List<OutboxRow> rows) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        rows.forEach(row -> acks.add(new CompletableFuture<>()));
        Producer<String, String> producer = kafka.<String, String>getProducer(CHANNEL).unwrap();
        int next = 0;
        try {
            // Known after the first pass: returns at once; unknown, it waits max.block.ms and throws.
            producer.partitionsFor(topic);
            for (; next < rows.size(); next++) {
                CompletableFuture<Void> acked = acks.get(next);
                producer.send(record(rows.get(next)), (metadata, failure) -> {
                    if (failure == null) {
                        acked.complete(null);
                    } else {
                        acked.completeExceptionally(failure);
                    }
                });
            }
        } catch (RuntimeException refused) {
            acks.subList(next, acks.size()).forEach(ack -> ack.completeExceptionally(refused));
        }
        return acks;
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
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
