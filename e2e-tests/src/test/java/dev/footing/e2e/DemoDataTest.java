package dev.footing.e2e;

import static dev.footing.e2e.RunningSystem.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.footing.infra.DemoData;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The demo data of the local run ({@code -Dfooting.demo=true}), loaded into the real running system, ends in
 * every decision of the guidance rule, as stats-service's real engine computes it: one PROGRESS, one HOLD, one
 * REGRESS, one GRADUATE to the one-leg variation; the demo athletes follow programs, use holds, loads and both
 * sides, and report pain.
 *
 * <p>Demo data gives demo-ana, demo-ben and demo-chen months of history, which the other end-to-end tests must
 * not see: this class runs after every other one of the test JVM (junit-platform.properties orders classes by
 * {@code @Order}). What those tests logged before it does not change the four decisions: demo-ana's curb jumps
 * there are at the top of the range too, and demo-chen's toe raises of WeekOfTrainingTest lie between demo
 * sessions that miss 35 reps.
 */
@Order(Integer.MAX_VALUE)
class DemoDataTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    @BeforeAll
    static void loadDemoData() throws Exception {
        RunningSystem.get();
        int sets = new DemoData(java.net.URI.create(RunningSystem.catalog("/")), java.net.URI.create(RunningSystem.session("/")),
                java.net.URI.create(RunningSystem.stats("/")), RunningSystem.issuer(), Clock.systemUTC()).load();
        assertThat(sets).isPositive();
        // Stats counts what session-service accepted a moment later: wait until every demo session is in.
        for (String user : List.of("demo-ana", "demo-ben", "demo-chen")) {
            long sessions = as(user).get(RunningSystem.session("/api/sessions?size=1")).then().statusCode(200)
                    .extract().jsonPath().getLong("total");
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Retry.answer(() -> as(user).get(RunningSystem.stats("/api/users/" + user + "/summary"))).then()
                            .statusCode(200).extract().jsonPath().getLong("allTime.sessions") == sessions);
        }
    }

    @Test
    void demoAnaGraduatesFromTwoFootCurbJumpsToTheOneLegVariation() {
        JsonPath g = guidance("demo-ana", "curb-jump-two-feet");
        assertThat(g.getString("decision")).isEqualTo("GRADUATE");
        assertThat(g.getString("target.exercise")).isEqualTo("curb-jump-two-feet");
        assertThat(g.getInt("target.reps")).isEqualTo(40);
        assertThat(g.getString("next.exercise")).isEqualTo("curb-jump-one-leg");
        assertThat(g.getInt("next.reps")).isEqualTo(20);
        assertThat(g.getBoolean("next.perSide")).isTrue();
        assertThat(g.getString("why.code")).isEqualTo("TOP_OF_RANGE_REACHED");
        assertThat(g.getInt("why.reps")).isEqualTo(40);
    }

    @Test
    void demoAnaIsToldToStepBackAfterTwoPainfulSessionsOfOneLegLineJumps() {
        JsonPath g = guidance("demo-ana", "line-jump-one-leg");
        assertThat(g.getString("decision")).isEqualTo("REGRESS");
        assertThat(g.getInt("target.reps")).isEqualTo(40);
        assertThat(g.getInt("next.reps")).isEqualTo(35);
        assertThat(g.getString("why.code")).isEqualTo("PAIN_ABOVE_FIVE");
        assertThat(g.getInt("why.sessions")).isEqualTo(2);
        assertThat(g.getInt("why.maxPain")).isEqualTo(7);
    }

    @Test
    void demoBenProgressesHisToeWalkHoldsFrom25To30Seconds() {
        JsonPath g = guidance("demo-ben", "toe-walk");
        assertThat(g.getString("decision")).isEqualTo("PROGRESS");
        assertThat(g.getInt("target.holdSeconds")).isEqualTo(25);
        assertThat(g.getInt("next.holdSeconds")).isEqualTo(30);
        assertThat(g.getMap("why")).containsAllEntriesOf(Map.of("code", "TARGET_MET", "sessions", 2, "axis", "HOLD_SECONDS",
                "from", 25, "to", 30));
    }

    @Test
    void demoChenHoldsHerLoadedToeRaisesUntilSheReachesTheNextStep() {
        JsonPath g = guidance("demo-chen", "elevated-toe-raise");
        assertThat(g.getString("decision")).isEqualTo("HOLD");
        // 35 from demo data alone (the local run); WeekOfTrainingTest's toe raises of the same JVM may have taken her to 40.
        assertThat(g.getInt("next.reps")).isGreaterThan(32);
        assertThat(g.getMap("why")).containsAllEntriesOf(Map.of("code", "TARGET_NOT_MET", "sessionsMet", 0, "sessionsRequired", 2));
        JsonPath records = as("demo-chen").get(RunningSystem.stats("/api/users/demo-chen/records")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(records.getDouble("exercises.find { it.exercise.slug == 'elevated-toe-raise' }.heaviestLoadKg.value"))
                .isEqualTo(10.0);
    }

    @Test
    void theDemoAthletesFollowTheirProgramsAndUseBothSidesHoldsAndPain() {
        for (String user : List.of("demo-ana", "demo-ben", "demo-chen")) {
            JsonPath adherence = as(user).get(RunningSystem.stats("/api/users/" + user + "/adherence")).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(adherence.getList("items")).as(user + " follows a program").hasSize(1);
        }
        JsonPath balance = as("demo-ana").get(RunningSystem.stats("/api/users/demo-ana/balance")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(balance.getList("exercises")).as("demo-ana's one-leg work, both sides").isNotEmpty();
        JsonPath summary = as("demo-ben").get(RunningSystem.stats("/api/users/demo-ben/summary")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getLong("allTime.holdSeconds")).as("demo-ben's holds").isPositive();
    }

    private static JsonPath guidance(String user, String exercise) {
        return as(user).get(RunningSystem.stats("/api/users/" + user + "/guidance/" + exercise)).then().statusCode(200)
                .extract().jsonPath();
    }
}
