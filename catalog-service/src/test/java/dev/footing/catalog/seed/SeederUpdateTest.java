package dev.footing.catalog.seed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.CatalogTopic;
import dev.footing.infra.FootingTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A database seeded before the content was corrected gets the corrected content on the next start,
 * published like any change; an exercise an admin changed keeps the admin's content.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class SeederUpdateTest {

    static final String OLD_CLAIM = "With flat feet, favour the outer edges: the inner-edge walk lowers the arch.";

    @Inject
    CatalogSeeder seeder;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** As the seeder of the first version left a row, and as V3 marked it (unchanged since it was seeded). */
    private void asSeededBefore(String slug, String seededFrom) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update exercise set cautions = array[:caution],"
                + " progression = null, seeded_from = :from where slug = :slug").setParameter("caution", OLD_CLAIM)
                .setParameter("from", seededFrom).setParameter("slug", slug).executeUpdate());
    }

    @Test
    void anOlderSeedsContentIsCorrectedAndPublishedButAnAdminsEditIsKept() {
        asSeededBefore("inner-edge-walk", "seed-before-v3");
        asSeededBefore("achilles-raise-behind-chair", "seed-before-v3");
        asSeededBefore("outer-edge-walk", null); // an admin changed it: null, as every API write leaves it
        try {
            CatalogSeeder.Seeded seeded = seeder.seedExercises(SeedCatalog.load(json));

            assertThat(seeded.added()).isZero();
            assertThat(seeded.updated()).isEqualTo(2);
            assertThat(seeded.keptAsEdited()).isGreaterThanOrEqualTo(1);
            given().when().get("/api/exercises/inner-edge-walk").then().statusCode(200)
                    .body("cautions", not(hasItem(OLD_CLAIM)))
                    .body("progression.ladders[0].axis", equalTo("HOLD_SECONDS"));
            // Written in two passes: the harder variation is back although the pair name each other.
            given().when().get("/api/exercises/achilles-raise-behind-chair").then()
                    .body("progression.next", equalTo("achilles-raise-one-leg"));
            given().when().get("/api/exercises/outer-edge-walk").then()
                    .body("cautions", hasItem(OLD_CLAIM)).body("progression", nullValue());
            String id = SeedCatalog.exerciseId("inner-edge-walk").toString();
            try (CatalogTopic topic = new CatalogTopic()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    var latest = topic.poll().get(id);
                    return latest != null && !latest.get("cautions").toString().contains("lowers the arch");
                });
            }

            // Up to date now: a second start changes nothing.
            CatalogSeeder.Seeded again = seeder.seedExercises(SeedCatalog.load(json));
            assertThat(again.added() + again.updated()).isZero();
        } finally {
            asSeededBefore("outer-edge-walk", "restore");
            seeder.seedExercises(SeedCatalog.load(json));
        }
        given().when().get("/api/exercises/outer-edge-walk").then().body("cautions", not(hasItem(OLD_CLAIM)));
    }
}
