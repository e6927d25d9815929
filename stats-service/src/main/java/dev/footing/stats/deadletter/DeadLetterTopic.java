package dev.footing.stats.deadletter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.common.problem.ProblemException;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads the dead-letter topic for an operator, newest first.
 *
 * <p>A plain {@link KafkaConsumer} made per request, as the rebuild's replay is: a bounded read of what
 * the topic holds now (assign its partitions, seek near their ends, stop at the end offsets found),
 * outside any consumer group and committing nothing. Dead letters are rare and this is an admin's
 * request, so no copy of them is kept elsewhere: the topic (30 days' retention) is the record.
 */
@ApplicationScoped
public class DeadLetterTopic {

    static final int PAYLOAD_CHARS = 4096;
    /** How far back a page may reach: each partition's newest (page + 1) × size messages are read to sort them. */
    static final int NEWEST_READABLE = 10_000;
    private static final Duration WITHIN = Duration.ofSeconds(10);

    /** Quarkus' {@code kafka.*} settings (bootstrap servers, and SASL/TLS where configured), as every channel gets them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @ConfigProperty(name = "mp.messaging.outgoing.workout-events-dlq.topic")
    String topic;

    /** Throws {@link org.apache.kafka.common.KafkaException} (a timeout among them) when the broker cannot answer in time. */
    public Page<DeadLetter> newestFirst(PageRequest page) {
        if (page.offset() + page.size() > NEWEST_READABLE) {
            throw ProblemException.invalidField("page", "dead letters are listed up to the newest " + NEWEST_READABLE
                    + " (page x size); read older ones from the topic " + topic);
        }
        int wanted = (int) page.offset() + page.size();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(wanted), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WITHIN).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WITHIN);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, WITHIN);
            long total = 0;
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long first = begin.get(partition);
                long last = end.get(partition);
                total += last - first;
                if (last > first) {
                    consumer.seek(partition, Math.max(first, last - wanted));
                    remaining.put(partition, last);
                }
            }
            List<DeadLetter> read = new ArrayList<>();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException("reading " + topic + " took over " + WITHIN);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Long stop = remaining.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop != null && record.offset() < stop) {
                        read.add(letter(record));
                    }
                }
                remaining.keySet().removeIf(p -> consumer.position(p) >= remaining.get(p));
            }
            List<DeadLetter> items = read.stream()
                    .sorted(Comparator.comparing(DeadLetter::failedAt).reversed()
                            .thenComparing(DeadLetter::partition).thenComparing(Comparator.comparing(DeadLetter::offset).reversed()))
                    .skip(page.offset()).limit(page.size()).toList();
            return new Page<>(items, page.page(), page.size(), total);
        }
    }

    private Properties properties(int wanted) {
        Properties props = new Properties();
        props.putAll(kafkaDefaults);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stats-service-dead-letters");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(wanted, 1));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return new DeadLetter(record.partition(), record.offset(), failedAt(headers, record.timestamp()),
                text(headers, "dlq-kind"), text(headers, "dlq-reason"), text(headers, "dlq-original-topic"),
                integer(headers, "dlq-original-partition"), number(headers, "dlq-original-offset"), record.key(),
                text(headers, "ce_id"), text(headers, "ce_type"), record.value() == null ? null : prefix(value), value.length);
    }

    private static Instant failedAt(Headers headers, long timestamp) {
        String text = text(headers, "dlq-failed-at");
        try {
            return text == null ? Instant.ofEpochMilli(timestamp) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.ofEpochMilli(timestamp);
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(Headers headers, String name) {
        Long value = number(headers, name);
        return value == null ? null : value.intValue();
    }

    private static Long number(Headers headers, String name) {
        String text = text(headers, name);
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The body's first characters; bytes that are no UTF-8 (poison may be anything) show as U+FFFD. */
    private static String prefix(byte[] value) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(PAYLOAD_CHARS);
        decoder.decode(ByteBuffer.wrap(value), chars, true);
        return chars.flip().toString();
    }
}
