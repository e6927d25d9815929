package dev.footing.catalog.outbox;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.footing.catalog.CatalogTopic;
import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.contract.ContractExample;
import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the catalog publishes is what the contract (module {@code contract}) shows session-service's
 * replica: the same key, headers, fields in the same order, with the same JSON types.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class SnapshotContractTest {

    @Test
    void aSeededExerciseIsPublishedExactlyAsTheContractExampleShowsIt() {
        ContractExample example = ContractExamples.EXERCISE_SNAPSHOT.load();
        assertThat(example.topic()).isEqualTo(Topics.EXERCISE_CATALOG);
        Published published = latest(example.key(), snapshot -> true);
        assertMatches(published, example);
        // The example is the seeded exercise itself: apart from when it was last written, every value agrees.
        assertThat(withoutUpdatedAt(published.value())).isEqualTo(withoutUpdatedAt(example.value()));
    }

    @Test
    void aRetiredExerciseIsPublishedLikeTheRetiredExample() {
        ContractExample example = ContractExamples.EXERCISE_SNAPSHOT_RETIRED.load();
        String slug = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asAdmin().contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(slug)).when()
                .post("/api/exercises").then().statusCode(201).extract().path("id");
        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
        Published published = latest(id, snapshot -> snapshot.get("retired").asBoolean());
        assertMatches(published, example);
        assertThat(published.value().get("retired").booleanValue()).isTrue();
    }

    private record Published(ConsumerRecord<String, String> record, JsonNode value) {
    }

    private static Published latest(String id, Predicate<JsonNode> until) {
        try (CatalogTopic topic = new CatalogTopic()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode latest = topic.poll().get(id);
                return latest != null && until.test(latest);
            });
            return new Published(topic.latestRecord(id), topic.poll().get(id));
        }
    }

    private static void assertMatches(Published published, ContractExample example) {
        JsonNode value = published.value();
        assertThat(published.record().key()).as("keyed by exercise id").isEqualTo(value.get("id").textValue());
        Map<String, String> headers = new HashMap<>();
        for (Header header : published.record().headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsAllEntriesOf(example.headers());
        assertThat(fieldNames(value)).as("fields, in order").containsExactlyElementsOf(fieldNames(example.value()));
        for (String field : fieldNames(example.value())) {
            assertThat(value.get(field).getNodeType()).as(field).isEqualTo(example.value().get(field).getNodeType());
            if (value.get(field).isArray() && !example.value().get(field).isEmpty()) {
                JsonNode expectedElement = example.value().get(field).get(0);
                assertThat(value.get(field)).as(field + " elements")
                        .allMatch(element -> element.getNodeType() == expectedElement.getNodeType());
            }
        }
        Instant.parse(value.get("updatedAt").textValue());
        value.get("prescription").fields().forEachRemaining(entry -> assertThat(
                entry.getKey().equals("note") ? entry.getValue().isTextual() : entry.getValue().isInt())
                .as("prescription." + entry.getKey()).isTrue());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode withoutUpdatedAt(JsonNode snapshot) {
        ObjectNode copy = snapshot.deepCopy();
        copy.remove("updatedAt");
        return copy;
    }
}
