package dev.footing.session.exercise;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.common.db.SqlStates;
import dev.footing.session.config.SessionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds the exercise replica from the compacted topic {@code exercise-catalog}.
 *
 * <p>Every instance must see every exercise, so this consumer uses no consumer group: it assigns
 * itself all partitions and reads them from the beginning on each start. The topic is compacted
 * and small, and the upsert ignores older snapshots, so the replay is cheap and harmless.
 */
@ApplicationScoped
public class CatalogReplicaConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogReplicaConsumer.class);

    @Inject
    SessionConfig config;

    @Inject
    ReplicaStore store;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Instant> lastAppliedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!config.replica().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "exercise-replica");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long applied() {
        return applied.get();
    }

    public Instant lastAppliedAt() {
        return lastAppliedAt.get();
    }

    public String lastError() {
        return lastError.get();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c);
                if (partitions.isEmpty()) {
                    lastError.set("topic " + config.replica().topic() + " not found yet");
                    pause(Duration.ofSeconds(2));
                    continue;
                }
                c.assign(partitions);
                c.seekToBeginning(partitions);
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofSeconds(1));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        apply(record);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                lastError.set(e.toString());
                LOG.warnf("exercise replica consumer failed, restarting: %s", e.toString());
                pause(Duration.ofSeconds(2));
            } finally {
                consumer = null;
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(config.replica().topic(), Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                if (record.key() != null) {
                    store.retire(UUID.fromString(record.key()));
                }
                return;
            }
            ExerciseSnapshot snapshot = json.readValue(new String(record.value(), StandardCharsets.UTF_8), ExerciseSnapshot.class);
            if (!snapshot.isComplete()) {
                LOG.warnf("skipping incomplete exercise snapshot at %s-%d@%d", record.topic(), record.partition(), record.offset());
                return;
            }
            store.apply(snapshot);
            applied.incrementAndGet();
            lastAppliedAt.set(Instant.now());
            lastError.set(null);
        } catch (Exception e) {
            if (!isBadRecord(e)) {
                // The database could not take it (outage, failover): skipping would leave the exercise
                // unknown here until a restart. The consumer restarts and replays the topic instead.
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            // One bad record must not stop the replica: later snapshots still apply.
            LOG.warnf("skipping unreadable exercise snapshot at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** Unreadable JSON, or a value the database refuses (SQLSTATE class 22 data, 23 integrity). */
    private static boolean isBadRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof IllegalArgumentException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                return SqlStates.isAboutTheData(sql);
            }
        }
        return false;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "session-service-exercise-replica");
        return p;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
