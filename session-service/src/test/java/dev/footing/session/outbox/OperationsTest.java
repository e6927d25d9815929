package dev.footing.session.outbox;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.WorkoutEventsReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, metrics, OpenAPI and the purge of sent outbox rows. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class OperationsTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Inject
    AgroalDataSource db;

    @Inject
    OutboxPurger purger;

    @Test
    void readinessReportsTheDatabaseAndTheRelay() {
        given().when().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.name", hasItem("exercise-replica"))
                .body("checks.find { it.name == 'outbox-relay' }.data.relay", equalTo("OK"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get(live).then().statusCode(200);
    }

    @Test
    void metricsShowBacklogPublishedAndFailures() {
        TestCatalog.ensureStandardExercises(db);
        String user = Api.newUser("metrics");
        Api.postSets(Api.startSession(user, "UTC"), Api.reps(CALF_RAISE.id(), 10)).statusCode(201);
        WorkoutEventsReader.awaitAllSent(db, List.of(user), Duration.ofSeconds(30));
        String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("footing_outbox_backlog", "footing_outbox_oldest_age_seconds",
                "footing_outbox_published_total", "footing_outbox_publish_failures_total");
        double published = metrics.lines().filter(l -> l.startsWith("footing_outbox_published_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
        assertThat(published).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sentRowsArePurgedAfterTheRetentionAndUnsentRowsNever() {
        String user = Api.newUser("purge");
        Timestamp longAgo = Timestamp.from(Instant.now().minus(30, ChronoUnit.DAYS));
        Timestamp recently = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        insert(user, longAgo, longAgo);   // sent long ago: purged
        insert(user, recently, recently); // sent within the retention: kept
        UUID waiting = insert(user, longAgo, null); // never sent: kept whatever its age
        // The relay would publish the unsent row; claim it is in flight elsewhere by not caring: it
        // is either still unsent or sent just now, and in both cases the purge must keep it.
        purger.purge();
        assertThat(Db.count(db, "select count(*) from outbox_event where user_id = ?", user)).isEqualTo(2);
        assertThat(Db.count(db, "select count(*) from outbox_event where event_id = ?", waiting)).isEqualTo(1);
    }

    @Test
    void openApiDescribesTheSessionApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/sessions/{id}/sets"));
    }

    private UUID insert(String user, Timestamp createdAt, Timestamp sentAt) {
        UUID eventId = UUID.randomUUID();
        Db.update(db, """
                insert into outbox_event (event_id, user_id, type, payload, occurred_at, created_at, sent_at)
                values (?, ?, 'footing.test.purge.v1', ?, ?, ?, ?)""",
                eventId, user, "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + user + "\"}", createdAt, createdAt, sentAt);
        return eventId;
    }
}
