package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
            consumer.stop();
            WorkoutEvents.send(all);
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> users.stream().mapToLong(StatsTest::eventsApplied).sum() > 0);
            consumer.stop();
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
        // Everything applied before the rewind came again and was skipped.
        assertThat(metric("footing_stats_events_duplicates_total") - duplicatesBefore).isGreaterThan(0);
        given().get(ready).then().statusCode(200);
    }
}
