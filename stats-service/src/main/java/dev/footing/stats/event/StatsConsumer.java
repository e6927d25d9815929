package dev.footing.stats.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.footing.stats.facts.ApplyOutcome;
import dev.footing.stats.facts.EventApplier;
import dev.footing.stats.facts.FactTables;
import dev.footing.stats.facts.Positioned;
import dev.footing.stats.live.LiveUpdates;

/**
 * The live consumer of {@code workout-events} (group {@code stats-service}). One thread polls,
 * applies the whole poll as one database transaction, sends dead letters, and only then commits
 * the offsets: a crash anywhere redelivers, and redelivered events are skipped by their ids.
 */
@ApplicationScoped
public class StatsConsumer {

    private static final Logger LOG = Logger.getLogger(StatsConsumer.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "stats.consumer.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "stats.consumer.topic", defaultValue = "workout-events")
    String topic;

    @ConfigProperty(name = "stats.consumer.group-id", defaultValue = "stats-service")
    String groupId;

    @ConfigProperty(name = "stats.consumer.max-poll-records", defaultValue = "500")
    int maxPollRecords;

    @ConfigProperty(name = "stats.consumer.session-timeout-ms", defaultValue = "10000")
    int sessionTimeoutMs;

    @Inject
    EventApplier applier;

    @Inject
    DeadLetters deadLetters;

    @Inject
    LiveUpdates live;

    @Inject
    MeterRegistry registry;

    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running;
    private volatile long lastPollNanos;
    private volatile String lastError;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;

    void onStart(@Observes StartupEvent event) {
        registry.gauge("footing.stats.consumer.lag", lag);
        // Registered up front so dashboards see zeros rather than missing series.
        registry.counter("footing.stats.events.applied");
        registry.counter("footing.stats.events.duplicates");
        registry.counter("footing.stats.dlq.messages", "kind", "poison");
        if (enabled) {
            start();
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        lastPollNanos = System.nanoTime();
        thread = new Thread(this::run, "stats-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling after the batch in hand; offsets of applied batches are committed. */
    @PreDestroy
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread polling = thread;
        if (polling != null) {
            try {
                polling.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean running() {
        return running && thread != null && thread.isAlive();
    }

    public Duration sinceLastPoll() {
        return Duration.ofNanos(System.nanoTime() - lastPollNanos);
    }

    public String lastError() {
        return lastError;
    }

    public long lag() {
        return lag.get();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        LOG.debugf("partitions revoked: %s", partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        LOG.infof("partitions assigned: %s", partitions);
                    }
                });
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    lastPollNanos = System.nanoTime();
                    if (!records.isEmpty()) {
                        try {
                            process(kafka, records);
                            lastError = null;
                        } catch (WakeupException e) {
                            throw e;
                        } catch (Exception e) {
                            // Nothing of this poll is committed: read it again and retry after a pause.
                            lastError = e.toString();
                            LOG.errorf(e, "could not apply %d events; will retry", records.count());
                            rewind(kafka, records);
                            pause();
                        }
                    }
                    updateLag(kafka);
                }
            } catch (WakeupException e) {
                // stop() was called
            } catch (Exception e) {
                lastError = e.toString();
                LOG.error("consumer failed; starting a new one", e);
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void process(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) throws Exception {
        List<Positioned> events = new ArrayList<>();
        Map<Positioned, ConsumerRecord<String, byte[]>> sources = new HashMap<>();
        Map<ConsumerRecord<String, byte[]>, String> poison = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Positioned event = RecordDecoder.decode(record);
                events.add(event);
                sources.put(event, record);
            } catch (PoisonMessageException e) {
                poison.put(record, e.reason());
            }
        }
        ApplyOutcome outcome = events.isEmpty() ? null : applier.apply(events, FactTables.LIVE);
        // Dead letters only once the poll is applied: a poll that fails is read and retried again and again,
        // and its poison must not reach the dead-letter topic (and its count) once per attempt.
        DeadLetters.Batch dlq = deadLetters.batch();
        poison.forEach((record, reason) -> {
            LOG.warnf("poison message at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
            dlq.send(record, "poison", reason);
        });
        if (outcome != null) {
            for (Positioned retraction : outcome.unknownSetRetractions()) {
                SetRetracted event = (SetRetracted) retraction.event();
                dlq.send(sources.get(retraction), "unknown-set-retraction",
                        "retraction of unknown set " + event.setId() + " (kept as pending: the set may still arrive)");
            }
            outcome.rejected().forEach((event, reason) -> dlq.send(sources.get(event), "unapplicable", reason));
        }
        dlq.confirm();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        kafka.commitSync(offsets);
        if (outcome != null) {
            registry.counter("footing.stats.events.applied").increment(outcome.applied());
            registry.counter("footing.stats.events.duplicates").increment(outcome.duplicates());
            live.publish(outcome.users());
        }
    }

    private static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void updateLag(KafkaConsumer<String, byte[]> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            total += kafka.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stats-service-live");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // A crashed instance keeps its partitions until its session times out (Kafka's default is 45 s).
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1000, sessionTimeoutMs / 3));
        return props;
    }
}
