package dev.footing.session.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.TestCatalog.Exercise;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The replica follows exercise-catalog (catalog-service never runs here): new exercises become
 * loggable, renames show in later events, retired exercises stay loggable for history, and a
 * malformed record does not stop the replica.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class ExerciseReplicaTest {

    private static final Duration SOON = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @Test
    void aNewExerciseBecomesLoggableAndARenameShowsInLaterEvents() {
        Exercise heelDrop = new Exercise("eccentric-heel-drop-" + System.nanoTime(), "Eccentric heel drop", "STRENGTH",
                List.of("ACHILLES", "CALF"), "REPS", true, false);
        String user = Api.newUser("replica");
        String sessionId = Api.startSession(user, "UTC");
        Api.postSets(sessionId, "{\"exerciseId\":\"%s\",\"reps\":15,\"side\":\"LEFT\"}".formatted(heelDrop.id())).statusCode(422);

        TestCatalog.publish(heelDrop.id().toString(), heelDrop.snapshotJson(Instant.parse("2026-05-01T00:00:00Z")));
        await().atMost(SOON).until(() -> TestCatalog.replicaName(db, heelDrop.id()) != null);
        Api.postSets(sessionId, "{\"exerciseId\":\"%s\",\"reps\":15,\"side\":\"LEFT\"}".formatted(heelDrop.id())).statusCode(201);

        TestCatalog.publish(heelDrop.id().toString(), heelDrop.renamed("Alfredson heel drop").snapshotJson(Instant.parse("2026-06-01T00:00:00Z")));
        await().atMost(SOON).until(() -> "Alfredson heel drop".equals(TestCatalog.replicaName(db, heelDrop.id())));
        // An older snapshot (e.g. replayed from the topic) never overwrites a newer one.
        TestCatalog.publish(heelDrop.id().toString(), heelDrop.renamed("Stale name").snapshotJson(Instant.parse("2026-05-15T00:00:00Z")));
        TestCatalog.publish(heelDrop.id().toString(), "{ not json");
        Exercise marker = new Exercise("marker-" + System.nanoTime(), "Marker", "BALANCE", List.of("ANKLE"), "DURATION", false, false);
        TestCatalog.publish(marker.id().toString(), marker.snapshotJson(Instant.parse("2026-06-01T00:00:00Z")));
        // The marker is applied after the stale and the malformed record (same partition or not, the
        // await below gives every earlier record time): the replica kept going and kept the newer name.
        await().atMost(SOON).until(() -> TestCatalog.replicaName(db, marker.id()) != null);
        assertThat(TestCatalog.replicaName(db, heelDrop.id())).isEqualTo("Alfredson heel drop");

        Api.postSets(sessionId, "{\"exerciseId\":\"%s\",\"reps\":12,\"side\":\"RIGHT\"}".formatted(heelDrop.id())).statusCode(201);
        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SOON);
        assertThat(events).extracting(e -> e.body().get("exercise").get("name").asText())
                .containsExactly("Eccentric heel drop", "Alfredson heel drop");
        assertThat(events.get(1).body().get("exercise").get("unilateral").asBoolean()).isTrue();
    }

    @Test
    void aRetiredExerciseIsStillAcceptedForHistoryAndATombstoneRetires() {
        TestCatalog.ensureStandardExercises(db);
        String user = Api.newUser("retired");
        String sessionId = Api.startSession(user, "UTC");
        assertThat(TestCatalog.replicaRetired(db, TestCatalog.RETIRED_MARBLE_PICKUP.id())).isTrue();
        Api.postSets(sessionId, Api.reps(TestCatalog.RETIRED_MARBLE_PICKUP.id(), 20)).statusCode(201);

        Exercise gone = new Exercise("gone-" + System.nanoTime(), "Gone", "MOBILITY", List.of("TOES"), "REPS", false, false);
        TestCatalog.publish(gone.id().toString(), gone.snapshotJson(Instant.parse("2026-06-01T00:00:00Z")));
        await().atMost(SOON).until(() -> Boolean.FALSE.equals(TestCatalog.replicaRetired(db, gone.id())));
        TestCatalog.publish(gone.id().toString(), null);
        await().atMost(SOON).until(() -> Boolean.TRUE.equals(TestCatalog.replicaRetired(db, gone.id())));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SOON);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).body().get("exercise").get("slug").asText()).isEqualTo("marble-pickup");
    }

    /**
     * A snapshot the database could not store (an outage, a failover) is not a bad record: skipping
     * it would leave the exercise unknown (422) on this instance until its next restart.
     */
    @Test
    void aSnapshotTheDatabaseCouldNotStoreIsAppliedOnceTheDatabaseIsBack() {
        Exercise late = new Exercise("db-outage-" + System.nanoTime(), "Stored after an outage", "BALANCE",
                List.of("ANKLE"), "DURATION", false, false);
        Db.update(db, "create sequence if not exists replica_outage_hits");
        Db.update(db, "create table if not exists replica_outage (on_since timestamptz)");
        Db.update(db, "insert into replica_outage values (now())");
        Db.update(db, """
                create or replace function replica_outage() returns trigger language plpgsql as $$
                begin
                    if new.slug like 'db-outage-%' and exists (select 1 from replica_outage) then
                        perform nextval('replica_outage_hits');
                        raise exception 'simulated database outage' using errcode = '57P03';
                    end if;
                    return new;
                end $$""");
        Db.update(db, "create trigger replica_outage before insert or update on exercise_replica "
                + "for each row execute function replica_outage()");
        try {
            long hits = Db.count(db, "select case when is_called then last_value else 0 end from replica_outage_hits");
            TestCatalog.publish(late.id().toString(), late.snapshotJson(Instant.parse("2026-06-01T00:00:00Z")));
            await().atMost(SOON).until(() ->
                    Db.count(db, "select case when is_called then last_value else 0 end from replica_outage_hits") > hits);
            assertThat(TestCatalog.replicaName(db, late.id())).isNull();

            Db.update(db, "delete from replica_outage");
            await().atMost(SOON).until(() -> TestCatalog.replicaName(db, late.id()) != null);
            String sessionId = Api.startSession(Api.newUser("outage"), "UTC");
            Api.postSets(sessionId, "{\"exerciseId\":\"%s\",\"durationSeconds\":30}".formatted(late.id())).statusCode(201);
        } finally {
            Db.update(db, "drop trigger if exists replica_outage on exercise_replica");
            Db.update(db, "drop function if exists replica_outage()");
            Db.update(db, "drop table if exists replica_outage");
        }
    }
}
