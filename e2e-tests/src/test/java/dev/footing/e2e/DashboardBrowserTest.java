package dev.footing.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real headless Chromium: sets logged through session-service show up on the
 * open page, numbers and chart, without a reload.
 */
class DashboardBrowserTest {

    static final UUID HEEL_WALK = Catalog.exercise("heel-walk");
    static final UUID TOE_RAISE = Catalog.exercise("elevated-toe-raise");

    final String user = "e2e-dash-" + UUID.randomUUID().toString().substring(0, 8);
    final UUID sessionId = UUID.randomUUID();
    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void loggedSetsAppearLiveWithoutAReload() {
        logSets(List.of(set(TOE_RAISE, "reps", 12)), true);
        awaitSummarySets(1);

        browser.get(RunningSystem.stats("/?user=" + user));
        awaitText("total-sets", "1");
        // Stacked by body area, a set counts once in each of its areas: toe raises work ANKLE, ACHILLES and CALF.
        assertThat(weeklyChartSets()).isEqualTo(3);
        assertThat(browser.findElement(By.id("current-streak")).getText()).isEqualTo("1");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.findElement(By.id("live-status")).getText().equals("live"));
        // Marks this page load: a reload would lose it.
        js().executeScript("window.__sameLoad = 'yes';");

        logSets(List.of(set(TOE_RAISE, "reps", 15), set(HEEL_WALK, "durationSeconds", 30)), false);

        awaitText("total-sets", "3");
        awaitText("total-reps", "27");
        awaitText("total-hold", "30");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> weeklyChartSets() == 3 + 3 + 2); // heel walking works ANKLE and SHIN
        assertThat(js().executeScript("return window.__sameLoad;")).isEqualTo("yes");
    }

    private void logSets(List<Map<String, Object>> sets, boolean newSession) {
        if (newSession) {
            Map<String, Object> body = Map.of("id", sessionId, "userId", user, "timezone", "UTC", "sets", sets);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().contentType(ContentType.JSON).body(body).post(RunningSystem.session("/api/sessions"))
                            .then().extract().statusCode() == 201);
        } else {
            given().contentType(ContentType.JSON).body(sets).post(RunningSystem.session("/api/sessions/" + sessionId + "/sets"))
                    .then().statusCode(201);
        }
    }

    private Map<String, Object> set(UUID exercise, String measure, int amount) {
        Map<String, Object> set = new java.util.HashMap<>(Map.of("exerciseId", exercise, measure, amount,
                "completedAt", Instant.now().toString()));
        if (measure.equals("reps")) {
            set.put("side", "BOTH");
        }
        return set;
    }

    private void awaitSummarySets(int sets) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get(RunningSystem.stats("/api/users/" + user + "/summary")).then().extract().jsonPath()
                        .getInt("allTime.sets") == sets);
    }

    private void awaitText(String id, String text) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> browser.findElement(By.id(id)).getText().equals(text));
    }

    /** The sum of every bar of the weekly volume chart, as ECharts holds it. */
    private long weeklyChartSets() {
        Object sum = js().executeScript("""
                const chart = window.footingDashboard.charts['volume-chart'];
                if (!chart) { return -1; }
                return chart.getOption().series.flatMap(s => s.data).reduce((a, b) => a + b, 0);""");
        return ((Number) sum).longValue();
    }

    private JavascriptExecutor js() {
        return browser;
    }
}
