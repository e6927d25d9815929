package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.BulkLog;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.LiveConsumer;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Thousands of events, a consumer stopped part-way, then every committed offset rewound to the
 * start (what a crash before any commit would look like): the totals are still exact.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class ExactlyOnceTest extends StatsTest {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ExactlyOnceTest.class);
    private static final int USERS = 5;
    private static final int SETS_PER_USER = 600;

    @Inject
    LiveConsumer consumer;

    @Test
    void totalsStayExactAcrossAStopMidStreamAndAFullRedelivery() throws Exception {
        List<String> users = new ArrayList<>();
        List<BulkLog> logs = new ArrayList<>();
        List<ProducerRecord<String, String>> all = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String user = newUser("bulk" + i);
            BulkLog log = new BulkLog(user, SETS_PER_USER);
            users.add(user);
            logs.add(log);
            all.addAll(log.records);
        }
        double duplicatesBefore = metric("footing_stats_events_duplicates_total");
        try {
            // Only a first part goes out before the stop, so the stop is part-way however fast the consumer applies.
            int firstPart = all.size() / 3;
            consumer.stop();
            WorkoutEvents.send(all.subList(0, firstPart));
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> users.stream().mapToLong(StatsTest::eventsApplied).sum() > 0);
            consumer.stop();
            WorkoutEvents.send(all.subList(firstPart, all.size()));
            long appliedAtStop = users.stream().mapToLong(StatsTest::eventsApplied).sum();
            assertThat(appliedAtStop).isPositive();
            LOG.infof("consumer stopped after applying %d of %d events", appliedAtStop, all.size());

            consumer.rewindToTheBeginning();
            consumer.start();
            long expectedEvents = all.size();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> users.stream().mapToLong(StatsTest::eventsApplied).sum() == expectedEvents);
        } finally {
            consumer.start();
        }
        for (int i = 0; i < USERS; i++) {
            BulkLog log = logs.get(i);
            JsonPath summary = as(users.get(i)).get("/api/users/{u}/summary", users.get(i)).then().statusCode(200).extract().jsonPath();
            assertThat(summary.getLong("eventsApplied")).isEqualTo(log.records.size());
            assertThat(summary.getLong("allTime.sets")).isEqualTo(log.sets);
            assertThat(summary.getLong("allTime.reps")).isEqualTo(log.reps);
            assertThat(summary.getDouble("allTime.loadVolumeKg")).isEqualTo(log.loadVolumeKg.doubleValue());
            assertThat(summary.getLong("allTime.activeDays")).isEqualTo(log.activeDays.size());
            assertThat(summary.getLong("allTime.sessions")).isEqualTo(log.activeDays.size());
        }
        // Everything applied before the rewind came again and was skipped (awaited: a partition that held only
        // events applied before the stop may still be replaying them when the totals are complete).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(metric("footing_stats_events_duplicates_total") - duplicatesBefore).isGreaterThan(0));
        given().get(ready).then().statusCode(200);
    }

    /**
     * The consumer paused while the records go out, so they arrive together, in one batch as far as
     * one poll holds them: an event applied before, an event twice in the batch, a set with a second
     * event under the same set id, and a retraction twice. Each event counts once.
     */
    @Test
    void aBatchWithEventsTwiceAndEventsAppliedBeforeCountsEachEventOnce() {
        String user = newUser("twice");
        ProducerRecord<String, String> first = WorkoutEvents.set(user, "t1", "s1", Exercises.CALF_RAISE, 10, null, "5",
                "LEFT", "2027-01-06T07:00", "UTC");
        WorkoutEvents.send(first);
        awaitEventsApplied(user, 1);
        ProducerRecord<String, String> second = WorkoutEvents.set(user, "t2", "s1", Exercises.CALF_RAISE, 12, null, "5",
                "RIGHT", "2027-01-06T07:05", "UTC");
        ProducerRecord<String, String> third = WorkoutEvents.set(user, "t3", "s1", Exercises.CALF_RAISE, 7, null, null,
                "LEFT", "2027-01-06T07:10", "UTC");
        // Another event id for the set of "second": the first event for a set id wins.
        String otherEventId = WorkoutEvents.id(user, "event:t2-bis").toString();
        ProducerRecord<String, String> secondAgainAsAnotherEvent = WorkoutEvents.raw(user,
                WorkoutEvents.headers(otherEventId, "footing.set.completed.v1", WorkoutEvents.at("2027-01-06T07:05", "UTC").toString()),
                second.value().replace(WorkoutEvents.id(user, "event:t2").toString(), otherEventId).replace("\"reps\":12", "\"reps\":99"));
        ProducerRecord<String, String> retraction = WorkoutEvents.retraction(user, "r3", "t3", "s1",
                WorkoutEvents.at("2027-01-06T08:00", "UTC"));
        double duplicatesBefore = metric("footing_stats_events_duplicates_total");
        try {
            consumer.stop();
            WorkoutEvents.send(List.of(first, second, second, third, retraction, secondAgainAsAnotherEvent, retraction, first));
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> metric("footing_stats_events_duplicates_total") - duplicatesBefore >= 4);
            // The counter is the whole service's (a replay of another test may add to it): this batch is
            // through once the user's five events are applied too.
            awaitEventsApplied(user, 5);
        } finally {
            consumer.start();
        }
        // t1, t2, t3, its retraction and the second event for t2's set: five events, each once.
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200)
                .body("eventsApplied", equalTo(5))
                .body("allTime.sets", equalTo(2))
                .body("allTime.reps", equalTo(22))
                .body("allTime.loadVolumeKg", equalTo(110.0));
    }
}
