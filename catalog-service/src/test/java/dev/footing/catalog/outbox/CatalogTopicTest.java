package dev.footing.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footing.catalog.CatalogTopic;
import dev.footing.catalog.Fixtures;
import dev.footing.catalog.exercise.ExerciseRequest;
import dev.footing.catalog.seed.SeedCatalog;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A new consumer reading the compacted topic from the start can build the whole catalog. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class CatalogTopicTest {

    @Test
    void everySeededExerciseIsOnTheTopicKeyedByIdWithItsFullSnapshot() {
        SeedCatalog seed = Fixtures.SEED;
        try (CatalogTopic topic = new CatalogTopic()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().keySet().containsAll(
                    seed.exercises().stream().map(e -> SeedCatalog.exerciseId(e.slug()).toString()).toList()));
            Map<String, JsonNode> replica = topic.poll();
            for (ExerciseRequest exercise : seed.exercises()) {
                String id = SeedCatalog.exerciseId(exercise.slug()).toString();
                JsonNode snapshot = replica.get(id);
                assertThat(snapshot.get("id").asText()).isEqualTo(id);
                assertThat(snapshot.get("slug").asText()).isEqualTo(exercise.slug());
                assertThat(snapshot.get("name").asText()).isEqualTo(exercise.name());
                assertThat(snapshot.get("category").asText()).isEqualTo(exercise.category().name());
                assertThat(snapshot.get("measurement").asText()).isEqualTo(exercise.measurement().name());
                assertThat(snapshot.get("unilateral").asBoolean()).isEqualTo(exercise.unilateral());
                assertThat(snapshot.get("bodyAreas").size()).isEqualTo(exercise.bodyAreas().size());
                assertThat(snapshot.get("instructions").size()).isEqualTo(exercise.instructions().size());
                assertThat(snapshot.get("prescription").get("sets").asInt()).isEqualTo(exercise.prescription().sets());
                assertThat(snapshot.has("summary") && snapshot.has("equipment") && snapshot.has("difficulty")
                        && snapshot.has("cautions") && snapshot.has("source") && snapshot.has("updatedAt")).isTrue();
                assertThat(snapshot.get("retired").asBoolean()).isFalse();
            }
        }
    }
}
