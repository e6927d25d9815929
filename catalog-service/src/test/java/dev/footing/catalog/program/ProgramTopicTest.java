package dev.footing.catalog.program;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static io.restassured.RestAssured.given;
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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.footing.catalog.CatalogTopic;
import dev.footing.catalog.seed.SeedCatalog;
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
 * Programs on the compacted topic {@code program-catalog}, read from the beginning by a plain consumer as a
 * new replica would: every seeded program is there (republished at start), exactly as the contract's
 * example shows it, and a renamed exercise is followed by the programs that hold it.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProgramTopicTest {

    @Test
    void everySeededProgramIsOnTheTopicWithItsWeeklyNumber() {
        try (CatalogTopic topic = new CatalogTopic(Topics.PROGRAM_CATALOG)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().size() >= 6);
            Map<String, JsonNode> latest = topic.poll();
            for (SeedCatalog.SeedProgram program : dev.footing.catalog.Fixtures.SEED.programs()) {
                JsonNode snapshot = latest.get(SeedCatalog.programId(program.slug()).toString());
                assertThat(snapshot).as(program.slug()).isNotNull();
                assertThat(snapshot.get("slug").textValue()).isEqualTo(program.slug());
                assertThat(snapshot.get("items")).hasSize(program.items().size());
                assertThat(snapshot.get("sessionsPerWeek").isNull() ? null : snapshot.get("sessionsPerWeek").intValue())
                        .as(program.slug()).isEqualTo(program.sessionsPerWeek());
            }
        }
    }

    @Test
    void aProgramIsPublishedExactlyAsTheContractExampleShowsIt() {
        ContractExample example = ContractExamples.PROGRAM_SNAPSHOT.load();
        assertThat(example.topic()).isEqualTo(Topics.PROGRAM_CATALOG);
        try (CatalogTopic topic = new CatalogTopic(Topics.PROGRAM_CATALOG)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().get(example.key()) != null);
            ConsumerRecord<String, String> record = topic.latestRecord(example.key());
            JsonNode value = topic.poll().get(example.key());
            assertThat(record.key()).as("keyed by program id").isEqualTo(value.get("id").textValue());
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(headers).containsAllEntriesOf(example.headers());
            assertThat(fieldNames(value)).as("fields, in order").containsExactlyElementsOf(fieldNames(example.value()));
            assertThat(fieldNames(value.get("items").get(0))).containsExactlyElementsOf(
                    fieldNames(example.value().get("items").get(0)));
            Instant.parse(value.get("updatedAt").textValue());
            // The example is the seeded program itself: apart from when it was last written, every value agrees.
            assertThat(withoutUpdatedAt(value)).isEqualTo(withoutUpdatedAt(example.value()));
        }
    }

    @Test
    void renamingAnExerciseRepublishesTheProgramsThatHoldItWithTheNewSlug() {
        String programId = SeedCatalog.programId("suzdalev-arch-and-ankle").toString();
        String towel = SeedCatalog.exerciseId("towel-gather").toString();
        Map<String, Object> exercise = given().when().get("/api/exercises/" + towel).then().statusCode(200)
                .extract().jsonPath().getMap("");
        exercise.put("slug", "towel-scrunch");
        try (CatalogTopic topic = new CatalogTopic(Topics.PROGRAM_CATALOG)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().get(programId) != null);
            Instant before = Instant.parse(topic.poll().get(programId).get("updatedAt").textValue());
            asAdmin().contentType(ContentType.JSON).body(exercise).when().put("/api/exercises/" + towel).then()
                    .statusCode(200);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().get(programId).at("/items/0/exercise")
                        .textValue().equals("towel-scrunch"));
                JsonNode latest = topic.poll().get(programId);
                assertThat(latest.at("/items/0/exerciseId").textValue()).isEqualTo(towel);
                assertThat(Instant.parse(latest.get("updatedAt").textValue())).as("a later stamp for replicas").isAfter(before);
            } finally {
                exercise.put("slug", "towel-gather");
                asAdmin().contentType(ContentType.JSON).body(exercise).when().put("/api/exercises/" + towel).then()
                        .statusCode(200);
            }
        }
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
