package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.event.EventParser;
import dev.footing.stats.event.Positioned;
import dev.footing.stats.facts.ApplyOutcome;
import dev.footing.stats.facts.EventApplier;
import dev.footing.stats.facts.FactTables;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.LiveConsumer;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * While the consumer group hands a partition over, the old owner may still be applying batches of a user whose
 * events the new owner applies again from the last committed offset: two writers of one user at once, with batch
 * boundaries that differ. Here the two are the application's own apply path on two threads over the same
 * partition's records (the live consumer stopped meanwhile; restarted, it applies them a third time), forced to
 * meet: their first batches share four events, and the test inserts the guard row of the first of those in a
 * transaction it keeps open, as another writer in the middle of applying it would, until both writers wait (one
 * for that row, the other for the user's apply lock the first holds), then rolls it back. Every set must count
 * once, every retraction un-count its set once, and the rollups must say what the facts say. Without the apply
 * lock ({@code UserApplyLock}) a set and its retraction in the two writers' concurrent transactions did not see
 * each other, and the set stayed counted (77 sets instead of 76, in every run).
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class PartitionHandoverTest extends StatsTest {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PartitionHandoverTest.class);
    private static final int SETS = 100;

    @Inject
    EventApplier applier;

    @Inject
    EventParser parser;

    @Inject
    LiveConsumer consumer;

    @Inject
    AgroalDataSource db;

    @Test
    void twoWritersOfOneUserDuringAHandoverCountEverySetOnce() throws Exception {
        String user = newUser("handover");
        List<ProducerRecord<String, String>> log = log(user);
        List<Positioned> events;
        int appliedByOldOwner;
        int appliedByNewOwner;
        try {
            consumer.stop();
            events = sent(log);
            // The old owner from the start in batches of 9; the new one from its last committed offset, five events
            // in, in batches of 7: the same events in both, in other batches, at the same time. Their first batches
            // share events 5-8; the guard row of event 5 is held until both writers wait, one of them for that row.
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Positioned> fromTheNewOwnersOffset = events.subList(5, events.size());
            try (HeldGuardRow gate = holdingTheGuardRowOf(fromTheNewOwnersOffset.get(0))) {
                int gatePid = backendPid(gate.connection());
                Future<Integer> oldOwner = writers.submit(() -> apply(events, 9));
                Future<Integer> newOwner = writers.submit(() -> apply(fromTheNewOwnersOffset, 7));
                // Both writers in their first statements, the overlap certain rather than left to the scheduler: one
                // waits for the held row, the other for the user's apply lock the first one holds (or, without that
                // lock, for the same row).
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> waitingFor(gatePid) > 0 && blockedSessions() >= 2);
                gate.letGo();
                appliedByOldOwner = oldOwner.get(120, TimeUnit.SECONDS);
                appliedByNewOwner = newOwner.get(120, TimeUnit.SECONDS);
            } finally {
                writers.shutdownNow();
            }
        } finally {
            consumer.start();
        }
        LOG.infof("handover: the old owner applied %d events, the new one %d", appliedByOldOwner, appliedByNewOwner);
        // Each event was applied by exactly one of the two (the other skipped it as applied).
        assertThat(appliedByOldOwner + appliedByNewOwner).isEqualTo(log.size());
        awaitEventsApplied(user, log.size());

        // Sets 0-99, ten a day from 2027-01-01 (one session a day); 10 + i % 5 reps each. Retracted: every fifth set
        // (0, 5, ..., 95: their retraction comes after them) and sets 1, 26, 51 and 76 (their retraction comes first).
        // Counted: 76 sets, 956 reps; in the week of 2027-01-04 to -10 (sets 30-99): 54 sets, 678 reps.
        as(user).get("/api/users/{u}/summary?asOf=2027-01-10", user).then().statusCode(200)
                .body("eventsApplied", equalTo(124))
                .body("lastEventAt", equalTo("2027-01-10T08:05:00Z"))
                .body("allTime.sets", equalTo(76)).body("allTime.reps", equalTo(956))
                .body("allTime.sessions", equalTo(10)).body("allTime.activeDays", equalTo(10))
                .body("thisWeek.sets", equalTo(54)).body("thisWeek.reps", equalTo(678))
                .body("thisWeek.activeDays", equalTo(7));
        // And the whole log applied once more changes nothing.
        assertThat(applier.apply(events, FactTables.LIVE).applied()).isZero();
        as(user).get("/api/users/{u}/summary?asOf=2027-01-10", user).then()
                .body("eventsApplied", equalTo(124)).body("allTime.sets", equalTo(76)).body("allTime.reps", equalTo(956));
    }

    /** The user's 124 events in the order they are published. */
    private static List<ProducerRecord<String, String>> log(String user) {
        List<ProducerRecord<String, String>> log = new ArrayList<>();
        List<ProducerRecord<String, String>> retractionsDue = new ArrayList<>();
        for (int i = 0; i < SETS; i++) {
            String localTime = "2027-01-%02dT07:%02d".formatted(1 + i / 10, i % 10);
            Instant retractedAt = WorkoutEvents.at(localTime, "UTC").plus(Duration.ofHours(1));
            ProducerRecord<String, String> retraction = WorkoutEvents.retraction(user, "x" + i, "set" + i, "s" + i / 10, retractedAt);
            if (i % 25 == 1) {
                log.add(retraction);
            }
            log.add(WorkoutEvents.set(user, "set" + i, "s" + i / 10, Exercises.TOWEL_CURL, 10 + i % 5, null, null, null,
                    localTime, "UTC"));
            if (i % 5 == 0) {
                retractionsDue.add(retraction);
            }
            // A retraction three sets after its set: in the same batch of one writer and in another of the other.
            if (i % 5 == 3) {
                log.addAll(retractionsDue);
                retractionsDue.clear();
            }
        }
        log.addAll(retractionsDue);
        return log;
    }

    /** Sends the records and returns them as the consumer would hand them to the apply path, with their positions. */
    private List<Positioned> sent(List<ProducerRecord<String, String>> records) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (ProducerRecord<String, String> record : records) {
            acks.add(WorkoutEvents.producer().send(record));
        }
        List<Positioned> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RecordMetadata position = acks.get(i).get(30, TimeUnit.SECONDS);
            Map<String, String> headers = new HashMap<>();
            for (Header header : records.get(i).headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            events.add(new Positioned(parser.parse(headers, records.get(i).value()), position.partition(), position.offset()));
        }
        return events;
    }

    /**
     * A connection whose open transaction has inserted the event's guard row: until it ends, the ON CONFLICT of
     * a guard statement with that event waits for its outcome (only such a statement: the table's other writers
     * go on). Rolled back, the waiting statement inserts the row itself.
     */
    private HeldGuardRow holdingTheGuardRowOf(Positioned event) throws SQLException {
        Connection connection = db.getConnection();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + FactTables.LIVE.appliedEvent()
                + " (event_id, user_id, event_type, event_time, source_partition, source_offset) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            insert.setObject(1, event.event().eventId());
            insert.setString(2, event.event().userId());
            insert.setString(3, event.event().type().ceType());
            insert.setObject(4, event.event().eventTime().atOffset(ZoneOffset.UTC));
            insert.setInt(5, event.partition());
            insert.setLong(6, event.offset());
            insert.executeUpdate();
            return new HeldGuardRow(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A guard row inserted by a transaction that is still open. Closing rolls it back before the connection goes:
     * the pool would otherwise end the transaction by turning autocommit back on, which commits the row, and a
     * test that failed while holding it would leave an event marked applied that no writer applied.
     */
    private record HeldGuardRow(Connection connection) implements AutoCloseable {

        void letGo() throws SQLException {
            connection.rollback();
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                connection.rollback();
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet rs = query.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * How many database sessions wait for a lock the session {@code pid} holds (a writer's attempt given up after
     * the driver's socket timeout may still be counted: its server session waits on unnoticed).
     */
    /** How many database sessions wait for a lock, whoever holds it. */
    private long blockedSessions() throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long waitingFor(int pid) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            query.setInt(1, pid);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Applies the events in batches of {@code size}, a batch again after a failure, as the consumer's handler does;
     * returns how many of them this writer applied (the rest it found applied).
     */
    private int apply(List<Positioned> events, int size) throws Exception {
        int applied = 0;
        for (int from = 0; from < events.size(); from += size) {
            List<Positioned> batch = events.subList(from, Math.min(from + size, events.size()));
            for (int attempt = 1; ; attempt++) {
                try {
                    ApplyOutcome outcome = applier.apply(batch, FactTables.LIVE);
                    assertThat(outcome.rejected()).isEmpty();
                    applied += outcome.applied();
                    break;
                } catch (SQLException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
        }
        return applied;
    }
}
