package dev.footing.catalog.program;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.seed.SeedCatalog;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProgramApiTest {

    @Test
    void listsTheSixProgramsOfTheArticle() {
        given().when().get("/api/programs").then().statusCode(200)
                .body("total", equalTo(6)).body("items", hasSize(6)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.slug", org.hamcrest.Matchers.containsInAnyOrder("borovskaya-foot-course", "suzdalev-arch-and-ankle",
                        "simple-ankle-strengthening-at-home", "flat-feet-set", "mityaev-runners-step-jumps",
                        "smirnova-runner-foot-and-leg"));
    }

    @Test
    void smirnovaComplexHasItsFourteenExercisesInOrder() {
        given().when().get("/api/programs/smirnova-runner-foot-and-leg").then().statusCode(200)
                .body("id", equalTo(SeedCatalog.programId("smirnova-runner-foot-and-leg").toString()))
                .body("author", equalTo("Olga Smirnova (Nike Run Club)"))
                .body("frequency", containsString("Once a week"))
                .body("sessionsPerWeek", equalTo(1))
                .body("items", hasSize(14))
                .body("items[0].position", equalTo(1))
                .body("items[0].exercise.slug", equalTo("curb-jump-two-feet"))
                .body("items[0].exercise.id", equalTo(SeedCatalog.exerciseId("curb-jump-two-feet").toString()))
                .body("items[0].exercise.name", equalTo("Two-foot curb jumps"))
                .body("items[0].prescription.reps", equalTo(20))
                .body("items[0].prescription.repsMax", equalTo(40))
                .body("items[13].exercise.slug", equalTo("bench-step-back-lunge"));
    }

    @Test
    void flatFeetSetHoldsEachExerciseTwentyToThirtySeconds() {
        given().when().get("/api/programs/" + SeedCatalog.programId("flat-feet-set")).then().statusCode(200)
                .body("items", hasSize(6))
                .body("sessionsPerWeek", org.hamcrest.Matchers.nullValue())
                .body("items.prescription.holdSeconds", equalTo(List.of(20, 20, 20, 20, 20, 20)))
                .body("items.prescription.holdSecondsMax", equalTo(List.of(30, 30, 30, 30, 30, 30)))
                .body("items[1].exercise.slug", equalTo("foot-ball-roll"))
                .body("items[1].exercise.retired", is(false));
    }

    @Test
    void unknownProgramIsNotFound() {
        given().when().get("/api/programs/no-such-program").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badPagingIsRejected() {
        given().queryParam("size", 0).when().get("/api/programs").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().queryParam("page", 5).when().get("/api/programs").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(6));
    }
}
