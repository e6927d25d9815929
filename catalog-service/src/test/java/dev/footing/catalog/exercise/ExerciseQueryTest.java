package dev.footing.catalog.exercise;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.Fixtures;
import dev.footing.catalog.seed.SeedCatalog;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lists, filters, search and paging, checked against what the seed says. Tests that create
 * exercises retire them again, so the active catalog here is exactly the seed.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ExerciseQueryTest {

    static final SeedCatalog SEED = Fixtures.SEED;

    static long seedCount(Predicate<ExerciseRequest> predicate) {
        return SEED.exercises().stream().filter(predicate).count();
    }

    @Test
    void firstPageHasTwentyOfAllThirtyEightSortedByName() {
        given().when().get("/api/exercises").then().statusCode(200)
                .body("total", equalTo(38)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items", hasSize(20))
                .body("items[0].name", equalTo("Alternating curb run-ups"));
    }

    @Test
    void lastPageHoldsTheRestAndPagesBeyondAreEmpty() {
        given().queryParam("page", 1).when().get("/api/exercises").then().statusCode(200)
                .body("items", hasSize(18)).body("total", equalTo(38));
        given().queryParam("page", 3).queryParam("size", 10).when().get("/api/exercises").then().statusCode(200)
                .body("items", hasSize(8));
        given().queryParam("page", 99).when().get("/api/exercises").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(38)).body("page", equalTo(99));
        given().queryParam("size", 100).when().get("/api/exercises").then().statusCode(200).body("items", hasSize(38));
    }

    @Test
    void bodyAreaFilterCountsWhatTheSeedSays() {
        long calf = seedCount(e -> e.bodyAreas().contains(BodyArea.CALF));
        given().queryParam("bodyArea", "CALF").queryParam("size", 100).when().get("/api/exercises").then().statusCode(200)
                .body("total", equalTo((int) calf)).body("items", hasSize((int) calf))
                .body("items.bodyAreas", everyItem(hasItem("CALF")));
    }

    @Test
    void repeatedValuesOfOneFilterAreOr() {
        long calfOrShin = seedCount(e -> e.bodyAreas().contains(BodyArea.CALF) || e.bodyAreas().contains(BodyArea.SHIN));
        given().queryParam("bodyArea", "CALF").queryParam("bodyArea", "SHIN").when().get("/api/exercises").then()
                .statusCode(200).body("total", equalTo((int) calfOrShin));
        // Comma-separated values and lower case mean the same.
        given().queryParam("bodyArea", "calf,shin").when().get("/api/exercises").then()
                .statusCode(200).body("total", equalTo((int) calfOrShin));
    }

    @Test
    void differentFiltersAreAnd() {
        long plyometricOnCurb = seedCount(e -> e.category() == Category.PLYOMETRIC && e.equipment().contains(Equipment.CURB));
        given().queryParam("category", "PLYOMETRIC").queryParam("equipment", "CURB").when().get("/api/exercises").then()
                .statusCode(200).body("total", equalTo((int) plyometricOnCurb)).body("total", equalTo(3));
        long advancedUnilateralPlyo = seedCount(e -> e.category() == Category.PLYOMETRIC && e.difficulty() == Difficulty.ADVANCED
                && e.bodyAreas().contains(BodyArea.ACHILLES));
        given().queryParam("category", "PLYOMETRIC").queryParam("difficulty", "ADVANCED").queryParam("bodyArea", "ACHILLES")
                .when().get("/api/exercises").then().statusCode(200).body("total", equalTo((int) advancedUnilateralPlyo));
    }

    @Test
    void equipmentFilterFindsBandWork() {
        given().queryParam("equipment", "RESISTANCE_BAND").when().get("/api/exercises").then().statusCode(200)
                .body("total", equalTo((int) seedCount(e -> e.equipment().contains(Equipment.RESISTANCE_BAND))))
                .body("items.slug", hasItem("ankle-inversion-band"));
    }

    @Test
    void searchIsCaseInsensitiveOverNameSummaryAndInstructions() {
        given().queryParam("q", "CuRb").when().get("/api/exercises").then().statusCode(200)
                .body("total", equalTo((int) seedCount(matches("curb"))));
        // "pedal" appears only in the instructions of the band work.
        given().queryParam("q", "pedal").when().get("/api/exercises").then().statusCode(200)
                .body("total", equalTo((int) seedCount(matches("pedal"))))
                .body("items[0].slug", equalTo("band-foot-ankle-work"));
        given().queryParam("q", "100%").when().get("/api/exercises").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void searchCombinesWithFilters() {
        given().queryParam("q", "lunge").queryParam("equipment", "BENCH").when().get("/api/exercises").then().statusCode(200)
                .body("total", equalTo((int) seedCount(matches("lunge").and(e -> e.equipment().contains(Equipment.BENCH)))));
    }

    @Test
    void readsOneBySlugOrIdWithEveryField() {
        String id = SeedCatalog.exerciseId("wall-shin-stretch").toString();
        for (String key : List.of("wall-shin-stretch", id, "WALL-SHIN-STRETCH")) {
            given().when().get("/api/exercises/" + key).then().statusCode(200)
                    .body("id", equalTo(id)).body("slug", equalTo("wall-shin-stretch"))
                    .body("category", equalTo("STRETCH")).body("measurement", equalTo("DURATION"))
                    .body("unilateral", is(true)).body("retired", is(false))
                    .body("prescription.sets", equalTo(3))
                    .body("prescription.holdSeconds", equalTo(15)).body("prescription.holdSecondsMax", equalTo(30))
                    .body("source", startsWith("Victoria Borovskaya"))
                    .body("instructions", hasSize(5)).body("equipment", equalTo(List.of("WALL")))
                    .body("updatedAt", containsString("T"));
        }
    }

    @Test
    void unknownSlugOrIdIsNotFound() {
        given().when().get("/api/exercises/no-such-exercise").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("detail", containsString("no-such-exercise"));
        given().when().get("/api/exercises/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownEnumValueNamesTheParameterAndTheAllowedValues() {
        given().queryParam("bodyArea", "ELBOW").when().get("/api/exercises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("bodyArea"))
                .body("violations[0].message", containsString("FOOT_ARCH"));
        for (String parameter : List.of("category", "equipment", "difficulty")) {
            given().queryParam(parameter, "NOPE").when().get("/api/exercises").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(parameter));
        }
    }

    @Test
    void badPagingIsRejectedWithTheParameterNamed() {
        for (String[] bad : new String[][] { {"page", "-1"}, {"page", "abc"}, {"page", "99999999999"},
                {"size", "0"}, {"size", "101"}, {"size", "1000000"}, {"size", "-5"}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/exercises").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void overlongQueryIsRejected() {
        given().queryParam("q", "x".repeat(201)).when().get("/api/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
    }

    @Test
    void nulCharactersAreRejectedOrNotFound() {
        given().queryParam("q", "calf\u0000").when().get("/api/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
        given().urlEncodingEnabled(false).when().get("/api/exercises/toe%00circles").then().statusCode(404)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).when().get("/api/programs/x%00y").then().statusCode(404);
    }

    private static Predicate<ExerciseRequest> matches(String word) {
        return e -> (e.name() + " " + e.summary() + " " + String.join(" ", e.instructions()))
                .toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }
}
