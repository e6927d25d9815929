package dev.footing.session.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Two more relays, as two other instances would run them, work the outbox table at the same time
 * as this instance's own relay while rows keep arriving: nothing skipped, nothing published twice,
 * each user's events in the order they were written.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class TwoRelaysTest {

    private static final int USERS = 12;
    private static final int EVENTS_PER_USER = 40;

    @Inject
    AgroalDataSource db;

    @Inject
    WorkoutEventsChannel channel;

    @Test
    void concurrentRelaysSkipNothingDoubleNothingAndKeepEachUsersOrder() throws Exception {
        relaysShareTheOutbox(50);
    }

    /**
     * Passes of 5 rows among 12 writing users: a pass's candidates (and so its locks) are cut at the
     * batch, and the passes that follow take the users left out.
     */
    @Test
    void passesSmallerThanTheNumberOfUsersLeaveNobodyBehind() throws Exception {
        relaysShareTheOutbox(5);
    }

    private void relaysShareTheOutbox(int batchSize) throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(Api.newUser("relay" + i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        OutboxRelay first = relay(batchSize);
        OutboxRelay second = relay(batchSize);
        AtomicInteger byFirst = new AtomicInteger();
        AtomicInteger bySecond = new AtomicInteger();
        CompletableFuture<Void> runFirst = CompletableFuture.runAsync(() -> spin(first, writing, byFirst));
        CompletableFuture<Void> runSecond = CompletableFuture.runAsync(() -> spin(second, writing, bySecond));
        write(users);
        writing.set(false);
        runFirst.get();
        runSecond.get();

        List<Received> all = WorkoutEventsReader.awaitAllSent(db, users, Duration.ofSeconds(60));
        assertThat(all).hasSize(USERS * EVENTS_PER_USER);
        assertThat(all).extracting(Received::eventId).doesNotHaveDuplicates();
        for (String user : users) {
            assertThat(WorkoutEventsReader.of(all, user)).extracting(e -> e.body().get("seq").asInt())
                    .as("events of %s in write order", user)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, EVENTS_PER_USER).boxed().toList());
        }
        // Both extra relays took part: the work was shared, not serialized behind one of them.
        assertThat(byFirst.get()).isPositive();
        assertThat(bySecond.get()).isPositive();
    }

    /** Another instance's relay: its own database connections and user locks; the service's workout-events channel. */
    private OutboxRelay relay(int batchSize) {
        return new OutboxRelay(db, channel, batchSize, Duration.ofSeconds(10), Clock.systemUTC(), new RelayStatus());
    }

    /** Drains until the writer is done and nothing is left; small passes make the relays interleave. */
    private static void spin(OutboxRelay relay, AtomicBoolean writing, AtomicInteger published) {
        try {
            while (true) {
                boolean stillWriting = writing.get();
                int n = relay.drain();
                published.addAndGet(n);
                if (!stillWriting && n == 0) {
                    return;
                }
            }
        } catch (OutboxRelay.RelayException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One writer, small transactions, users interleaved at random: per user, ids grow with seq. */
    private void write(List<String> users) throws Exception {
        Random random = new Random(42);
        int[] next = new int[users.size()];
        int remaining = USERS * EVENTS_PER_USER;
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, user_id, type, payload, occurred_at, created_at)
                values (?, ?, 'footing.test.relay.v1', ?, ?, ?)""")) {
            while (remaining > 0) {
                int u = random.nextInt(users.size());
                if (next[u] == EVENTS_PER_USER) {
                    continue;
                }
                UUID eventId = UUID.randomUUID();
                Timestamp now = Timestamp.from(Instant.now());
                insert.setObject(1, eventId);
                insert.setString(2, users.get(u));
                insert.setString(3, "{\"eventId\":\"%s\",\"userId\":\"%s\",\"seq\":%d}".formatted(eventId, users.get(u), next[u]));
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.executeUpdate();
                next[u]++;
                remaining--;
            }
        }
    }
}
