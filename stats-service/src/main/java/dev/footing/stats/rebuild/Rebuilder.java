package dev.footing.stats.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.footing.common.problem.ProblemException;
import dev.footing.stats.event.PoisonMessageException;
import dev.footing.stats.event.RecordDecoder;
import dev.footing.stats.facts.ApplyOutcome;
import dev.footing.stats.facts.EventApplier;
import dev.footing.stats.facts.FactTables;
import dev.footing.stats.facts.Positioned;
import dev.footing.stats.live.LiveUpdates;
import dev.footing.stats.problem.StoreUnavailableException;
import dev.footing.stats.rebuild.RebuildStatus.State;

/**
 * Rebuilds every fact table from {@code workout-events}: replays the topic from the beginning
 * up to the end offsets seen at the start into {@code rebuild_*} copies, then, in one
 * transaction that briefly locks the live tables, carries over what the live consumer applied
 * from those end offsets on and swaps the copies in. The live consumer never stops, queries
 * answer from the live tables until the swap, and nothing applied during the rebuild is lost.
 * Poison messages are skipped (they reached the dead-letter topic when first consumed).
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);
    /** The advisory lock key of rebuilds ("footing" rebuild), the same on every instance. */
    private static final long REBUILD_LOCK = 0x666F6F74_72656275L;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "stats.consumer.topic", defaultValue = "workout-events")
    String topic;

    @Inject
    DataSource dataSource;

    @Inject
    EventApplier applier;

    @Inject
    LiveUpdates live;

    @Inject
    Clock clock;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stats-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
    private volatile Run latest;
    private volatile Runnable beforeSwap = () -> { };

    public synchronized RebuildStatus start() {
        if (latest != null && latest.state == State.RUNNING) {
            throw ProblemException.conflict("rebuild " + latest.id + " is still running");
        }
        Connection lock = lockAcrossInstances();
        Run run = new Run(UUID.randomUUID(), clock.instant());
        runs.put(run.id, run);
        latest = run;
        try {
            executor.submit(() -> execute(run, lock));
        } catch (RuntimeException e) {
            unlock(lock);
            throw e;
        }
        return run.status();
    }

    /**
     * Every instance rebuilds into the same rebuild_* tables of the shared database: a second rebuild
     * would drop the first one's copies mid-replay and let it swap in tables that miss events. A
     * session-level advisory lock, held on its own connection for the whole run, lets one run at a time.
     */
    private Connection lockAcrossInstances() {
        try {
            Connection connection = dataSource.getConnection();
            boolean locked = false;
            try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                tryLock.setLong(1, REBUILD_LOCK);
                try (ResultSet rs = tryLock.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            } finally {
                if (!locked) {
                    connection.close();
                }
            }
            if (!locked) {
                throw ProblemException.conflict("a rebuild is running on another instance");
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not take the rebuild lock: " + e.getMessage(), e);
        }
    }

    private static void unlock(Connection connection) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, REBUILD_LOCK);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warnf("could not release the rebuild lock: %s", e.getMessage());
        }
    }

    public Optional<RebuildStatus> status(UUID id) {
        return Optional.ofNullable(runs.get(id)).map(Run::status);
    }

    public Optional<RebuildStatus> latest() {
        return Optional.ofNullable(latest).map(Run::status);
    }

    /** A seam for tests: runs on the rebuild thread after the replay, just before the swap. */
    public void beforeSwap(Runnable hook) {
        beforeSwap = hook == null ? () -> { } : hook;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** Releases the lock before the run reads as finished: a rebuild asked for right after must not find it held. */
    private void execute(Run run, Connection lock) {
        State outcome = State.FAILED;
        String error = null;
        try {
            prepareCopies();
            Map<TopicPartition, Long> end = replay(run);
            beforeSwap.run();
            run.caughtUp = swap(end);
            outcome = State.SUCCEEDED;
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed", run.id);
            error = e.toString();
        } finally {
            unlock(lock);
        }
        run.finish(outcome, clock.instant(), error);
        if (outcome == State.SUCCEEDED) {
            LOG.infof("rebuild %s done: %d records read, %d events applied, %d carried over", run.id, run.read,
                    run.applied, run.caughtUp);
            live.publishAll();
        }
    }

    private void prepareCopies() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : FactTables.NAMES) {
                statement.execute("DROP TABLE IF EXISTS " + FactTables.REBUILD.prefix() + table);
                statement.execute("CREATE TABLE " + FactTables.REBUILD.prefix() + table + " (LIKE " + table + " INCLUDING ALL)");
            }
        }
    }

    private Map<TopicPartition, Long> replay(Run run) throws SQLException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "stats-service-rebuild");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            // No group: the replay reads on its own and commits nothing.
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            run.toReplay = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            remaining.removeIf(p -> end.get(p) <= begin.get(p));
            long lastProgress = System.nanoTime();
            while (!remaining.isEmpty()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted");
                }
                List<Positioned> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    run.read++;
                    try {
                        batch.add(RecordDecoder.decode(record));
                    } catch (PoisonMessageException e) {
                        run.poison++;
                    }
                }
                if (!batch.isEmpty()) {
                    ApplyOutcome outcome = applier.apply(batch, FactTables.REBUILD);
                    run.applied += outcome.applied();
                    run.duplicates += outcome.duplicates();
                    run.poison += outcome.rejected().size();
                    lastProgress = System.nanoTime();
                }
                int before = remaining.size();
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
                if (remaining.size() < before) {
                    lastProgress = System.nanoTime();
                } else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALL_LIMIT) > 0) {
                    throw new IllegalStateException("no progress reading " + remaining + " for " + STALL_LIMIT);
                }
            }
            return end;
        }
    }

    /** Returns how many events the live consumer applied past the replay's end and were carried over. */
    private long swap(Map<TopicPartition, Long> end) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Writers lock applied_event first too, so this cannot deadlock with the live consumer.
                statement.execute("LOCK TABLE " + String.join(", ", FactTables.NAMES) + " IN ACCESS EXCLUSIVE MODE");
                long caughtUp;
                try (PreparedStatement later = connection.prepareStatement("CREATE TEMP TABLE rebuild_caught_up ON COMMIT DROP AS"
                        + " SELECT a.event_id FROM applied_event a"
                        + " LEFT JOIN unnest(?::int[], ?::bigint[]) AS e(p, o) ON a.source_partition = e.p"
                        + " WHERE e.o IS NULL OR a.source_offset >= e.o")) {
                    List<TopicPartition> partitions = new ArrayList<>(end.keySet());
                    later.setArray(1, connection.createArrayOf("int4",
                            partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new)));
                    later.setArray(2, connection.createArrayOf("int8",
                            partitions.stream().map(end::get).toArray(Long[]::new)));
                    later.executeUpdate();
                }
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM rebuild_caught_up")) {
                    count.next();
                    caughtUp = count.getLong(1);
                }
                statement.execute("INSERT INTO rebuild_applied_event SELECT a.* FROM applied_event a"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (event_id) DO NOTHING");
                statement.execute("INSERT INTO rebuild_set_fact SELECT s.* FROM set_fact s"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (set_id) DO NOTHING");
                statement.execute("INSERT INTO rebuild_set_retraction SELECT r.* FROM set_retraction r"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (set_id) DO NOTHING");
                statement.execute("INSERT INTO rebuild_session_completion SELECT s.* FROM session_completion s"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (session_id) DO NOTHING");
                // A carried-over set or retraction may meet its counterpart from the replay.
                statement.execute("UPDATE rebuild_set_fact s SET retracted = NOT s.retracted WHERE s.retracted <>"
                        + " EXISTS (SELECT 1 FROM rebuild_set_retraction r WHERE r.set_id = s.set_id AND r.user_id = s.user_id)");
                for (String table : FactTables.NAMES) {
                    statement.execute("DROP TABLE " + table);
                    statement.execute("ALTER TABLE " + FactTables.REBUILD.prefix() + table + " RENAME TO " + table);
                }
                renameIndexes(connection);
                connection.commit();
                return caughtUp;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Indexes of the copies were named after them; drop the prefix so names stay stable from one rebuild to the next. */
    private static void renameIndexes(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT indexname FROM pg_indexes"
                + " WHERE schemaname = current_schema() AND tablename = ANY (?) AND indexname LIKE 'rebuild\\_%'")) {
            select.setArray(1, connection.createArrayOf("text", FactTables.NAMES.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER INDEX \"" + name + "\" RENAME TO \"" + name.substring(FactTables.REBUILD.prefix().length()) + "\"");
            }
        }
    }

    private static final class Run {
        final UUID id;
        final Instant startedAt;
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile long toReplay;
        volatile long read;
        volatile long applied;
        volatile long duplicates;
        volatile long poison;
        volatile long caughtUp;
        volatile String error;

        Run(UUID id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        void finish(State outcome, Instant at, String failure) {
            finishedAt = at;
            error = failure;
            state = outcome;
        }

        RebuildStatus status() {
            return new RebuildStatus(id, state, startedAt, finishedAt, toReplay, read, applied, duplicates, poison,
                    caughtUp, error);
        }
    }
}
