package dev.footing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What PostgreSQL alone does on this machine, measured in the same run as the pipeline: the rows
 * session-service writes per set (the set and its outbox row) and the rows stats-service writes per
 * event (the applied-event guard and the set fact), by plain JDBC into scratch databases built from
 * the services' own migrations. Every pipeline figure is printed as a ratio to these.
 */
final class DatabaseBaseline {

    /** A measured run: items written, how long, and the CPU each process spent per item. */
    record Run(String name, long items, double seconds, Map<String, Double> cpuMicrosPerItem) {
        double perSecond() {
            return items / seconds;
        }
    }

    private final Function<String, String> jdbcUrl;
    private final String user;
    private final String password;
    private final Path root;
    private final CpuMeter cpu;

    DatabaseBaseline(Function<String, String> jdbcUrl, String user, String password, Path root, CpuMeter cpu) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.root = root;
        this.cpu = cpu;
    }

    /** Sets with their outbox rows, {@code perTransaction} to a transaction, on {@code connections} connections. */
    Run sessionWrites(int sets, int perTransaction, int connections) throws Exception {
        String db = scratchDatabase("baseline_session", "session-service");
        String payload = eventPayload();
        return inParallel("session rows", db, sets / perTransaction, connections, perTransaction, (connection, txn) -> {
            UUID session = UUID.randomUUID();
            String userId = "baseline-" + (txn % 100);
            Instant now = Instant.now();
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into workout_session (id, user_id, timezone, started_at, started_local_date, created_at)
                    values (?, ?, 'UTC', ?, ?, ?)""")) {
                s.setObject(1, session);
                s.setString(2, userId);
                s.setTimestamp(3, Timestamp.from(now));
                s.setObject(4, LocalDate.now());
                s.setTimestamp(5, Timestamp.from(now));
                s.executeUpdate();
            }
            insertSetsAndOutbox(connection, session, userId, perTransaction, payload);
        });
    }

    /** The stats side: applied-event guard and set fact per event, {@code perTransaction} to a transaction, and the summary's rollups. */
    Run statsApply(int events, int perTransaction, int connections) throws Exception {
        String db = scratchDatabase("baseline_stats", "stats-service");
        return inParallel("stats rows", db, events / perTransaction, connections, perTransaction, (connection, txn) -> {
            String userId = "baseline-" + (txn % 100);
            UUID session = UUID.randomUUID();
            Instant now = Instant.now();
            List<UUID> eventIds = new ArrayList<>();
            try (PreparedStatement applied = connection.prepareStatement("""
                    insert into applied_event (event_id, user_id, event_type, event_time, source_partition, source_offset)
                    values (?, ?, 'footing.set.completed.v1', ?, 0, ?)""")) {
                for (int i = 0; i < perTransaction; i++) {
                    UUID eventId = UUID.randomUUID();
                    eventIds.add(eventId);
                    applied.setObject(1, eventId);
                    applied.setString(2, userId);
                    applied.setTimestamp(3, Timestamp.from(now));
                    applied.setLong(4, (long) txn * perTransaction + i);
                    applied.addBatch();
                }
                applied.executeBatch();
            }
            try (PreparedStatement fact = connection.prepareStatement("""
                    insert into set_fact (set_id, event_id, user_id, session_id, exercise_id, exercise_slug, exercise_name,
                        category, body_areas, measurement, unilateral, reps, duration_seconds, load_kg, side, rpe,
                        completed_at, timezone, local_date, retracted)
                    values (?, ?, ?, ?, ?, 'elevated-toe-raise', 'Calf raise from a step', 'STRENGTH', ?, 'REPS', false,
                        20, null, ?, null, 8, ?, 'Europe/Berlin', ?, false)""")) {
                for (UUID eventId : eventIds) {
                    fact.setObject(1, UUID.randomUUID());
                    fact.setObject(2, eventId);
                    fact.setString(3, userId);
                    fact.setObject(4, session);
                    fact.setObject(5, UUID.nameUUIDFromBytes(new byte[] {1}));
                    fact.setArray(6, connection.createArrayOf("varchar", new String[] {"ANKLE", "ACHILLES", "CALF"}));
                    fact.setBigDecimal(7, BigDecimal.valueOf(5));
                    fact.setTimestamp(8, Timestamp.from(now));
                    fact.setObject(9, LocalDate.now());
                    fact.addBatch();
                }
                fact.executeBatch();
            }
            // The summary's rollups, as stats-service keeps them with the facts: one row per user and one per
            // (day, session) of the transaction, however many sets it has.
            try (PreparedStatement user = connection.prepareStatement("""
                    insert into user_totals (user_id, events_applied, last_event_at, latest_set_completed_at, latest_set_id,
                        latest_timezone)
                    values (?, ?, ?, ?, ?, 'Europe/Berlin')
                    on conflict (user_id) do update set events_applied = user_totals.events_applied + excluded.events_applied,
                        last_event_at = excluded.last_event_at, latest_set_completed_at = excluded.latest_set_completed_at,
                        latest_set_id = excluded.latest_set_id, latest_timezone = excluded.latest_timezone""");
                    PreparedStatement day = connection.prepareStatement("""
                            insert into session_day_totals (user_id, local_date, session_id, sets, reps, hold_seconds, load_volume_kg)
                            values (?, ?, ?, ?, ?, 0, ?)
                            on conflict (user_id, local_date, session_id) do update set sets = session_day_totals.sets + excluded.sets,
                                reps = session_day_totals.reps + excluded.reps,
                                load_volume_kg = session_day_totals.load_volume_kg + excluded.load_volume_kg""")) {
                user.setString(1, userId);
                user.setLong(2, perTransaction);
                user.setTimestamp(3, Timestamp.from(now));
                user.setTimestamp(4, Timestamp.from(now));
                user.setObject(5, UUID.randomUUID());
                user.executeUpdate();
                day.setString(1, userId);
                day.setObject(2, LocalDate.now());
                day.setObject(3, session);
                day.setInt(4, perTransaction);
                day.setLong(5, 20L * perTransaction);
                day.setBigDecimal(6, BigDecimal.valueOf(100L * perTransaction));
                day.executeUpdate();
            }
        });
    }

    /** One set (and its outbox row) per transaction, on {@code connections} connections, for {@code duration}. */
    Run singleSetTransactions(Duration duration, int connections) throws Exception {
        String db = scratchDatabase("baseline_single", "session-service");
        String payload = eventPayload();
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections, named("baseline-"));
        try {
            List<Connection> open = new ArrayList<>();
            List<UUID> sessions = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection connection = DriverManager.getConnection(jdbcUrl.apply(db), user, password);
                open.add(connection);
                UUID session = UUID.randomUUID();
                sessions.add(session);
                try (PreparedStatement s = connection.prepareStatement("""
                        insert into workout_session (id, user_id, timezone, started_at, started_local_date, created_at)
                        values (?, ?, 'UTC', now(), current_date, now())""")) {
                    s.setObject(1, session);
                    s.setString(2, "baseline-single-" + c);
                    s.executeUpdate();
                }
                connection.setAutoCommit(false);
            }
            CpuMeter.Window window = cpu.start();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection connection = open.get(c);
                UUID session = sessions.get(c);
                String userId = "baseline-single-" + c;
                work.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        insertSetsAndOutbox(connection, session, userId, 1, payload);
                        connection.commit();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            Run run = new Run("one-set transactions", done.get(), window.seconds(), window.perItem(done.get()));
            for (Connection connection : open) {
                connection.close();
            }
            return run;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Transaction {
        void write(Connection connection, int txn) throws SQLException;
    }

    private Run inParallel(String name, String db, int transactions, int connections, int perTransaction, Transaction body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections, named("baseline-"));
        AtomicInteger next = new AtomicInteger();
        try {
            List<Connection> open = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Connection connection = DriverManager.getConnection(jdbcUrl.apply(db), user, password);
                connection.setAutoCommit(false);
                open.add(connection);
            }
            CpuMeter.Window window = cpu.start();
            List<Future<?>> work = new ArrayList<>();
            for (Connection connection : open) {
                work.add(pool.submit(() -> {
                    for (int txn = next.getAndIncrement(); txn < transactions; txn = next.getAndIncrement()) {
                        body.write(connection, txn);
                        connection.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            long items = (long) transactions * perTransaction;
            Run run = new Run(name, items, window.seconds(), window.perItem(items));
            for (Connection connection : open) {
                connection.close();
            }
            return run;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void insertSetsAndOutbox(Connection connection, UUID session, String userId, int count, String payload) throws SQLException {
        Instant now = Instant.now();
        List<UUID> setIds = new ArrayList<>(count);
        try (PreparedStatement set = connection.prepareStatement("""
                insert into workout_set (id, session_id, exercise_id, reps, duration_seconds, load_kg, side, rpe,
                    completed_at, local_date, recorded_at)
                values (?, ?, ?, 20, null, 5, null, 8, ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                setIds.add(id);
                set.setObject(1, id);
                set.setObject(2, session);
                set.setObject(3, UUID.nameUUIDFromBytes(new byte[] {1}));
                set.setTimestamp(4, Timestamp.from(now));
                set.setObject(5, LocalDate.now());
                set.setTimestamp(6, Timestamp.from(now));
                set.addBatch();
            }
            set.executeBatch();
        }
        try (PreparedStatement outbox = connection.prepareStatement("""
                insert into outbox_event (event_id, user_id, type, payload, occurred_at, created_at, traceparent)
                values (?, ?, 'footing.set.completed.v1', ?, ?, ?, null)""")) {
            for (UUID ignored : setIds) {
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, userId);
                outbox.setString(3, payload);
                outbox.setTimestamp(4, Timestamp.from(now));
                outbox.setTimestamp(5, Timestamp.from(now));
                outbox.addBatch();
            }
            outbox.executeBatch();
        }
    }

    /** The value of the contract's set-completed example: what an outbox row carries. */
    private String eventPayload() throws IOException {
        return new ObjectMapper().readTree(root.resolve("contract/src/main/resources/contract/workout-events/set-completed.json").toFile())
                .get("value").toString();
    }

    /** A fresh database with the service's schema, from its own Flyway migrations in version order. */
    private String scratchDatabase(String name, String service) throws SQLException, IOException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl.apply("postgres"), user, password);
             Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        Path migrations = root.resolve(service).resolve("src/main/resources/db/migration");
        List<Path> files;
        try (Stream<Path> list = Files.list(migrations)) {
            files = list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl.apply(name), user, password);
             Statement s = connection.createStatement()) {
            for (Path file : files) {
                s.execute(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
