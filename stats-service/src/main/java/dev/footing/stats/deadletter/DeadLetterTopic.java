package dev.footing.stats.deadletter;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.common.problem.ProblemException;
import dev.footing.stats.config.BoundedReads;
import dev.footing.stats.consumer.DeadLetters;

/**
 * Reads the dead-letter topic for an operator, newest first.
 *
 * <p>A plain {@link KafkaConsumer} made per request ({@link BoundedReads}), as the rebuild's replay
 * is: a bounded read of what the topic holds now (assign its partitions, seek near their ends, stop at the end offsets found),
 * outside any consumer group and committing nothing. Dead letters are rare and this is an admin's
 * request, so no copy of them is kept elsewhere: the topic (30 days' retention) is the record.
 */
@ApplicationScoped
public class DeadLetterTopic {

    static final int PAYLOAD_CHARS = 4096;
    /**
     * How far back a page may reach: each partition's newest (page + 1) × size messages are read and held to
     * order them, with up to {@value #PAYLOAD_CHARS} characters of body each, in a heap of 96 MiB
     * (deploy/jvm-options) that the consumer shares.
     */
    static final int NEWEST_READABLE = 1_000;
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(1);
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @Inject
    BoundedReads reads;

    @ConfigProperty(name = "mp.messaging.outgoing.workout-events-dlq.topic")
    String topic;

    /**
     * Throws a {@link org.apache.kafka.common.errors.RetriableException} (a timeout among them) when the
     * broker cannot answer within {@link #WITHIN} in all.
     */
    public Page<DeadLetter> newestFirst(PageRequest page) {
        if (page.offset() + page.size() > NEWEST_READABLE) {
            throw ProblemException.invalidField("page", "dead letters are listed up to the newest " + NEWEST_READABLE
                    + " ((page + 1) x size); read older ones from the topic " + topic);
        }
        int wanted = (int) page.offset() + page.size();
        long deadline = System.nanoTime() + WITHIN.toNanos();
        KafkaConsumer<String, byte[]> consumer =
                reads.consumer("stats-service-dead-letters-" + REQUESTS.incrementAndGet(), wanted);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, left(deadline)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, left(deadline));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, left(deadline));
            long total = 0;
            Map<TopicPartition, Long> remaining = new HashMap<>();
            Map<Integer, List<DeadLetter>> read = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                long first = begin.get(partition);
                long last = end.get(partition);
                total += last - first;
                read.put(partition.partition(), new ArrayList<>());
                if (last > first) {
                    consumer.seek(partition, Math.max(first, last - wanted));
                    remaining.put(partition, last);
                }
            }
            while (!remaining.isEmpty()) {
                Duration left = left(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(left.compareTo(POLL) < 0 ? left : POLL)) {
                    Long stop = remaining.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop != null && record.offset() < stop) {
                        read.get(record.partition()).add(letter(record));
                    }
                }
                remaining.keySet().removeIf(p -> consumer.position(p, left(deadline)) >= remaining.get(p));
                if (!remaining.isEmpty() && left(deadline).isZero()) {
                    throw new TimeoutException("reading " + topic + " took over " + WITHIN);
                }
            }
            return new Page<>(page(read.values(), page), page.page(), page.size(), total);
        } finally {
            consumer.close(CLOSE_WITHIN);
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /**
     * The page of the letters read, newest first: each partition's letters newest (highest offset) first, the
     * partitions merged by the time of failure of their next letter (the lower partition on a tie). Offsets,
     * not clocks, order one partition: several instances write to it, each by its own clock. So every page
     * is a stretch of one order, and the next page goes on where it ended.
     */
    static List<DeadLetter> page(Collection<List<DeadLetter>> partitions, PageRequest page) {
        List<Deque<DeadLetter>> heads = new ArrayList<>();
        for (List<DeadLetter> partition : partitions) {
            Deque<DeadLetter> newestFirst = new ArrayDeque<>(partition.stream()
                    .sorted(Comparator.comparingLong(DeadLetter::offset).reversed()).toList());
            if (!newestFirst.isEmpty()) {
                heads.add(newestFirst);
            }
        }
        heads.sort(Comparator.comparingInt(q -> q.peekFirst().partition()));
        List<DeadLetter> items = new ArrayList<>();
        long skip = page.offset();
        while (items.size() < page.size() && !heads.isEmpty()) {
            Deque<DeadLetter> next = heads.get(0);
            for (Deque<DeadLetter> head : heads) {
                if (head.peekFirst().failedAt().isAfter(next.peekFirst().failedAt())) {
                    next = head;
                }
            }
            DeadLetter letter = next.pollFirst();
            if (next.isEmpty()) {
                heads.remove(next);
            }
            if (skip > 0) {
                skip--;
            } else {
                items.add(letter);
            }
        }
        return items;
    }

    static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return new DeadLetter(record.partition(), record.offset(), failedAt(headers, record.timestamp()),
                text(headers, DeadLetters.KIND), text(headers, DeadLetters.REASON), text(headers, DeadLetters.ORIGINAL_TOPIC),
                integer(headers, DeadLetters.ORIGINAL_PARTITION), number(headers, DeadLetters.ORIGINAL_OFFSET), record.key(),
                text(headers, "ce_id"), text(headers, "ce_type"), record.value() == null ? null : prefix(value), value.length);
    }

    private static Instant failedAt(Headers headers, long timestamp) {
        String text = text(headers, DeadLetters.FAILED_AT);
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
