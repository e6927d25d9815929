package dev.footing.e2e;

import static dev.footing.e2e.RunningSystem.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, signed in on Keycloak's real login page: an athlete
 * sees the sets she logs through session-service arrive on the open page, numbers and chart,
 * without a reload; she cannot open someone else's dashboard; a coach she shares with sees her
 * numbers, read-only; an admin opens anyone's.
 */
class DashboardBrowserTest {

    static final UUID HEEL_WALK = Catalog.exercise("heel-walk");
    static final UUID TOE_RAISE = Catalog.exercise("elevated-toe-raise");
    static final String ANA = "demo-ana";
    static final String BEN = "demo-ben";
    static final String COACH = "coach-kim";
    static final String ADMIN = "admin";
    static final Duration WAIT = Duration.ofSeconds(30);

    ChromeDriver browser;

    /** A failing test leaves a picture of the page in target/ for whoever reads the report. */
    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = this::screenshotAndRethrow;

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
    void anAthleteSignsInSeesHerSetsArriveLiveCannotOpenAnotherAthletesDashboardAndSignsOut() {
        UUID session = UUID.randomUUID();
        JsonPath before = summaryOf(ANA);
        logSets(session, List.of(set(TOE_RAISE, "reps", 12)), true);
        awaitSummarySets(ANA, before.getLong("allTime.sets") + 1);

        browser.get(RunningSystem.stats("/"));
        signIn(ANA);
        awaitText("signed-in-user", ANA);
        awaitText("viewing", "Your training");
        awaitText("total-sets", fmt(before.getLong("allTime.sets") + 1));
        awaitText("live-status", "live");
        long chartBefore = weeklyChartSets();
        assertThat(browser.findElement(By.id("current-streak")).getText()).isEqualTo("1");
        // Marks this page load: a reload would lose it.
        js().executeScript("window.__sameLoad = 'yes';");

        logSets(session, List.of(set(TOE_RAISE, "reps", 15), set(HEEL_WALK, "durationSeconds", 30)), false);

        awaitText("total-sets", fmt(before.getLong("allTime.sets") + 3));
        awaitText("total-reps", fmt(before.getLong("allTime.reps") + 12 + 15));
        awaitText("total-hold", fmt(before.getLong("allTime.holdSeconds") + 30));
        // Stacked by body area, a set counts once in each of its areas: toe raises work ANKLE,
        // ACHILLES and CALF, heel walking ANKLE and SHIN.
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> weeklyChartSets() == chartBefore + 3 + 2);
        assertThat(js().executeScript("return window.__sameLoad;")).isEqualTo("yes");

        // Another athlete's dashboard says why it shows nothing, and shows no numbers.
        browser.get(RunningSystem.stats("/?user=" + BEN));
        awaitText("message", BEN + " has not shared their training with you.");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();

        browser.findElement(By.id("sign-out")).click();
        within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(RunningSystem.issuer());
    }

    @Test
    void aCoachSeesTheNumbersOfAnAthleteWhoSharedWithHimReadOnlyAndLive() {
        UUID session = UUID.randomUUID();
        long sets = summaryOf(ANA).getLong("allTime.sets");
        logSets(session, List.of(set(TOE_RAISE, "reps", 20)), true);
        awaitSummarySets(ANA, sets + 1);
        as(ANA).put(RunningSystem.stats("/api/users/" + ANA + "/viewers/" + COACH)).then().statusCode(204);

        browser.get(RunningSystem.stats("/"));
        signIn(COACH);
        awaitText("signed-in-user", COACH);
        WebElement picker = within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("athlete-select")));
        new Select(picker).selectByValue(ANA);

        awaitText("viewing", "Viewing " + ANA + " (read-only)");
        JsonPath asAnaSeesIt = summaryOf(ANA);
        awaitText("total-sets", fmt(asAnaSeesIt.getLong("allTime.sets")));
        awaitText("total-reps", fmt(asAnaSeesIt.getLong("allTime.reps")));
        awaitText("total-sessions", fmt(asAnaSeesIt.getLong("allTime.sessions")));
        // Read-only: no control that could change anything, and no admin's free choice of user.
        assertThat(browser.findElements(By.cssSelector("#dashboard button, #dashboard input, #dashboard form"))).isEmpty();
        assertThat(browser.findElement(By.id("user-form")).isDisplayed()).isFalse();

        // The coach's page follows her training live, like hers does.
        awaitText("live-status", "live");
        logSets(session, List.of(set(HEEL_WALK, "durationSeconds", 25)), false);
        awaitText("total-sets", fmt(asAnaSeesIt.getLong("allTime.sets") + 1));
    }

    @Test
    void anAdminOpensAnyonesDashboardByName() {
        long sets = summaryOf(ANA).getLong("allTime.sets");

        browser.get(RunningSystem.stats("/"));
        signIn(ADMIN);
        awaitText("signed-in-user", ADMIN);
        WebElement user = within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("user-input")));
        user.clear();
        user.sendKeys(ANA);
        browser.findElement(By.cssSelector("#user-form button[type=submit]")).click();

        awaitText("viewing", "Viewing " + ANA + " (read-only)");
        awaitText("total-sets", fmt(sets));
        assertThat(browser.getCurrentUrl()).endsWith("?user=" + ANA);
    }

    /** Fills in Keycloak's own login form: the page redirected there because nobody is signed in. */
    private void signIn(String user) {
        within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(RunningSystem.issuer() + "/protocol/openid-connect/auth");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("footing");
        browser.findElement(By.id("kc-login")).click();
        within(WAIT).until(ExpectedConditions.urlContains(RunningSystem.stats("/")));
    }

    private static void logSets(UUID session, List<Map<String, Object>> sets, boolean newSession) {
        if (newSession) {
            Map<String, Object> body = Map.of("id", session, "timezone", "UTC", "sets", sets);
            // Right after start, session-service may still be reading the catalog into its replica.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    as(ANA).contentType(ContentType.JSON).body(body).post(RunningSystem.session("/api/sessions"))
                            .then().extract().statusCode() == 201);
        } else {
            as(ANA).contentType(ContentType.JSON).body(sets).post(RunningSystem.session("/api/sessions/" + session + "/sets"))
                    .then().statusCode(201);
        }
    }

    private static Map<String, Object> set(UUID exercise, String measure, int amount) {
        Map<String, Object> set = new HashMap<>(Map.of("exerciseId", exercise, measure, amount,
                "completedAt", Instant.now().toString()));
        if (measure.equals("reps")) {
            set.put("side", "BOTH");
        }
        return set;
    }

    /** The summary as the athlete herself reads it through the API. */
    private static JsonPath summaryOf(String user) {
        return Retry.answer(() -> as(user).get(RunningSystem.stats("/api/users/" + user + "/summary"))).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void awaitSummarySets(String user, long sets) {
        Awaitility.await().atMost(WAIT).until(() -> summaryOf(user).getLong("allTime.sets") == sets);
    }

    /** As the page writes numbers (en-US grouping). */
    private static String fmt(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    private void awaitText(String id, String text) {
        within(WAIT).until(ExpectedConditions.textToBe(By.id(id), text));
    }

    private WebDriverWait within(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
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

    private void screenshotAndRethrow(ExtensionContext context, Throwable failure) throws Throwable {
        if (browser != null) {
            try {
                Path target = Path.of("target", "browser-" + context.getRequiredTestMethod().getName() + ".png");
                Files.createDirectories(target.getParent());
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
                failure.addSuppressed(new AssertionError("screenshot of the page: " + target.toAbsolutePath()
                        + "; page text: " + browser.findElement(By.tagName("body")).getText()));
            } catch (RuntimeException | java.io.IOException ignored) {
                // the failure itself matters more than its picture
            }
        }
        throw failure;
    }
}
