package dev.footing.stats.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends messages that cannot be applied to {@code workout-events-dlq}: the original key, value
 * and headers, plus {@code dlq-reason}, {@code dlq-original-topic}, {@code dlq-original-partition},
 * {@code dlq-original-offset} and {@code dlq-failed-at}.
 */
@ApplicationScoped
public class DeadLetters {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "stats.consumer.dlq-topic", defaultValue = "workout-events-dlq")
    String dlqTopic;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    private KafkaProducer<String, byte[]> producer;

    /** A batch of dead letters, sent together and confirmed before the consumer commits past them. */
    public final class Batch {
        private final List<Future<RecordMetadata>> sent = new ArrayList<>();

        public void send(ConsumerRecord<String, byte[]> original, String kind, String reason) {
            RecordHeaders headers = new RecordHeaders(original.headers().toArray());
            headers.add("dlq-reason", bytes(reason));
            headers.add("dlq-kind", bytes(kind));
            headers.add("dlq-original-topic", bytes(original.topic()));
            headers.add("dlq-original-partition", bytes(String.valueOf(original.partition())));
            headers.add("dlq-original-offset", bytes(String.valueOf(original.offset())));
            headers.add("dlq-failed-at", bytes(clock.instant().toString()));
            sent.add(producer().send(new ProducerRecord<>(dlqTopic, null, original.key(), original.value(), headers)));
            registry.counter("footing.stats.dlq.messages", "kind", kind).increment();
        }

        /** Throws if any dead letter was not stored: the consumer must then not commit past its source. */
        public void confirm() throws ExecutionException, InterruptedException, TimeoutException {
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
    }

    public Batch batch() {
        return new Batch();
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "stats-service-dlq");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
