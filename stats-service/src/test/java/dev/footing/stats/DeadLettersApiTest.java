package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.Callers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footing.contract.Topics;
import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An admin reads what the consumer refused from the dead-letter topic; nobody else may. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class DeadLettersApiTest extends StatsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdminReadsTheRefusedMessagesNewestFirstWithWhyAndWhereFrom() {
        String user = newUser("dlq-api");
        String notJson = UUID.randomUUID().toString();
        String noSet = UUID.randomUUID().toString();
        WorkoutEvents.send(WorkoutEvents.raw(user, WorkoutEvents.headers(notJson, "footing.set.completed.v1",
                "2027-01-05T10:00:00Z"), "this is not JSON"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> lettersOf(user, newest(100)).size() == 1);
        WorkoutEvents.send(WorkoutEvents.raw(user, WorkoutEvents.headers(noSet, "footing.set.completed.v1",
                "2027-01-05T10:01:00Z"), "{}"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> lettersOf(user, newest(100)).size() == 2);

        JsonPath page = newest(100);
        List<Map<String, Object>> letters = lettersOf(user, page);
        assertThat(letters).extracting(l -> l.get("eventId")).as("newest first").containsExactly(noSet, notJson);
        Map<String, Object> first = letters.get(1);
        assertThat(first).containsEntry("kind", "poison").containsEntry("userId", user)
                .containsEntry("type", "footing.set.completed.v1").containsEntry("originalTopic", Topics.WORKOUT_EVENTS)
                .containsEntry("payload", "this is not JSON");
        assertThat(((Number) first.get("payloadBytes")).intValue()).isEqualTo("this is not JSON".getBytes(StandardCharsets.UTF_8).length);
        assertThat((String) first.get("reason")).startsWith("not JSON: ");
        assertThat(first.get("originalPartition")).isNotNull();
        assertThat(first.get("failedAt")).isNotNull();
        assertThat(((Number) letters.get(0).get("originalOffset")).longValue())
                .isGreaterThan(((Number) first.get("originalOffset")).longValue());
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);

        // A page of one holds one, and counts them all.
        JsonPath one = asAdmin().queryParam("size", 1).get("/api/admin/dead-letters").then().statusCode(200)
                .body("size", equalTo(1)).body("items.size()", equalTo(1)).extract().jsonPath();
        assertThat(one.getLong("total")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAnAdminMayReadThemAndBadPagingIsA400Problem() {
        String athlete = newUser("dlq-nosy");
        given().get("/api/admin/dead-letters").then().statusCode(401).contentType(PROBLEM);
        as(athlete).get("/api/admin/dead-letters").then().statusCode(403).contentType(PROBLEM);
        asAdmin().queryParam("size", 0).get("/api/admin/dead-letters").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("size"));
        asAdmin().queryParam("page", 100).queryParam("size", 100).get("/api/admin/dead-letters").then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", equalTo("page"));
    }

    private static JsonPath newest(int size) {
        return asAdmin().queryParam("size", size).get("/api/admin/dead-letters").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static List<Map<String, Object>> lettersOf(String user, JsonPath page) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(item -> user.equals(item.get("userId"))).toList();
    }
}
