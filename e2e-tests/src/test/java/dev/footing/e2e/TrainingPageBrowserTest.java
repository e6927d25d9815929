package dev.footing.e2e;

import static dev.footing.e2e.RunningSystem.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The training page in a real headless Chromium on a phone-sized screen (390 × 844), signed in on
 * Keycloak's real login page: demo-ana follows the runner's program, trains its first exercise at the
 * top of its range in two sessions with one tap per set, finishes each, and the page then shows the
 * next target with its reason, as guidance answers it; the dashboard shows the change. Neither page
 * scrolls sideways, and every control is big enough to tap.
 *
 * <p>demo-ana trains no curb jumps in any other end-to-end test, so this exercise's history is the test's own.
 */
class TrainingPageBrowserTest {

    static final String ANA = "demo-ana";
    static final String RUNNERS_PROGRAM = "smirnova-runner-foot-and-leg";
    static final Duration WAIT = Duration.ofSeconds(40);
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final int SMALLEST_TAP_TARGET_PX = 44;

    ChromeDriver browser;

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = this::screenshotAndRethrow;

    @BeforeEach
    void openPhoneSizedBrowser() {
        browser = Browser.open();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAthleteFollowsTheRunnersProgramTrainsTwoSessionsAtTheTopOfTheRangeAndSeesHerNextTargetWithItsReason() {
        JsonPath program = RestAssured.get(RunningSystem.catalog("/api/programs/" + RUNNERS_PROGRAM)).then().statusCode(200)
                .extract().jsonPath();
        String slug = program.getString("items[0].exercise.slug");
        JsonPath exercise = RestAssured.get(RunningSystem.catalog("/api/exercises/" + slug)).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> repsLadder = repsLadderOf(exercise);
        int top = repsLadder != null ? (Integer) repsLadder.get("ceiling") : exercise.getInt("prescription.repsMax");
        as(ANA).get(RunningSystem.stats("/api/users/" + ANA + "/guidance/" + slug)).then().statusCode(404);

        browser.get(RunningSystem.stats("/train.html?program=" + RUNNERS_PROGRAM));
        signIn(ANA);
        awaitText("exercise-name", exercise.getString("name"));
        assertThat(browser.findElement(By.id("instructions")).getText()).contains(exercise.getString("instructions[0]"));
        assertThat(browser.findElement(By.id("target-why")).getText()).startsWith("Your first session of it");
        assertFitsThePhone();

        click("follow");
        within(WAIT).until(ExpectedConditions.textMatches(By.id("follow-state"), java.util.regex.Pattern.compile("^You follow it")));

        for (int session = 1; session <= 2; session++) {
            if (session > 1) {
                click("again");
                // The page asked guidance again: today's target now comes from the first session.
                within(WAIT).until(d -> d.findElement(By.id("today")).isDisplayed()
                        && !"START".equals(d.findElement(By.id("target-why")).getAttribute("data-decision")));
            }
            WebElement value = browser.findElement(By.id("value"));
            value.clear();
            value.sendKeys(String.valueOf(top));
            if (session == 1) {
                click("pain-2"); // pain up to 5 is acceptable: it does not hold her back
            }
            click("log-set");
            within(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#logged li"), 1));
            assertFitsThePhone();
            // The list still holds the previous session's targets until the page replaces it: wait for that,
            // or the wait below could be met by the old item, which then goes stale under the reads after it.
            List<WebElement> previousTargets = browser.findElements(By.cssSelector("#next-targets li"));
            click("finish");
            if (!previousTargets.isEmpty()) {
                within(WAIT).until(ExpectedConditions.stalenessOf(previousTargets.get(0)));
            }
            // The page waits for stats to count the session, then words the guidance.
            within(WAIT).until(d -> d.findElements(By.cssSelector("#next-targets li[data-exercise='" + slug + "'][data-decision]"))
                    .size() == 1);
        }

        JsonPath guidance = as(ANA).get(RunningSystem.stats("/api/users/" + ANA + "/guidance/" + slug)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(guidance.getInt("basedOn.sessions")).isEqualTo(2);
        WebElement shownItem = browser.findElement(By.cssSelector("#next-targets li[data-exercise='" + slug + "']"));
        String shown = shownItem.getText();
        String shownWhy = shownItem.findElement(By.className("why")).getText();
        if (repsLadder != null) {
            // Both sessions met the ladder's start, twice in a row: one step up (one step per session, DESIGN §9).
            int start = (Integer) repsLadder.get("start");
            int next = Math.min(top, start + (Integer) repsLadder.get("step"));
            assertThat(guidance.getString("decision")).isEqualTo("PROGRESS");
            assertThat(guidance.getInt("next.reps")).isEqualTo(next);
            assertThat(shown).contains("Progress").contains("1 × " + next + " reps")
                    .contains("Target met in 2 sessions in a row: reps go from " + start + " to " + next + ".");
        } else {
            assertThat(guidance.getString("decision")).isEqualTo("HOLD");
            assertThat(shown).contains("Hold").contains("This exercise has no progression rule: keep its prescription.");
        }
        assertFitsThePhone();

        // The dashboard shows the same next target and the program she now follows.
        click("see-dashboard");
        WebElement card = within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#guidance .guidance-card[data-exercise='" + slug + "']")));
        assertThat(card.getAttribute("data-decision")).isEqualTo(guidance.getString("decision"));
        assertThat(card.findElement(By.className("why")).getText()).isEqualTo(shownWhy);
        within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#adherence .adherence[data-program='" + RUNNERS_PROGRAM + "']")));
        assertFitsThePhone();
    }

    @Test
    void aHoldIsTimedAndLoggedWithOneTapPerLegAndTheSideTogglesAfterEachSet() {
        String ben = "demo-ben";
        String stand = "single-leg-stand"; // DURATION, one leg at a time; not in demo-ben's program or other tests
        browser.get(RunningSystem.stats("/train.html?exercise=" + stand));
        signIn(ben);
        within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-start")));
        assertThat(browser.findElement(By.id("side-LEFT")).getAttribute("aria-pressed")).isEqualTo("true");
        assertFitsThePhone();

        click("hold-start");
        // The timer runs on the page; stopping it logs the hold (at least one second) on the left leg.
        within(WAIT).until(ExpectedConditions.textMatches(By.id("hold-seconds"), java.util.regex.Pattern.compile("[1-9][0-9]*")));
        click("hold-stop");
        within(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#logged li"), 1));
        assertThat(browser.findElement(By.cssSelector("#logged li")).getText()).matches(".* s · left");
        assertThat(browser.findElement(By.id("side-RIGHT")).getAttribute("aria-pressed")).isEqualTo("true");

        click("hold-start");
        within(WAIT).until(ExpectedConditions.textMatches(By.id("hold-seconds"), java.util.regex.Pattern.compile("[1-9][0-9]*")));
        click("hold-stop");
        within(WAIT).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#logged li"), 2));
        assertThat(browser.findElements(By.cssSelector("#logged li")).get(1).getText()).matches(".* s · right");
        click("finish");
        within(WAIT).until(d -> d.findElements(By.cssSelector("#next-targets li[data-exercise='" + stand + "'][data-decision]"))
                .size() == 1);

        // Both holds are in session-service, one per leg, as the athlete's own sets.
        JsonPath sessions = as(ben).get(RunningSystem.session("/api/sessions?size=1")).then().statusCode(200).extract().jsonPath();
        JsonPath session = as(ben).get(RunningSystem.session("/api/sessions/" + sessions.getString("items[0].id")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(session.getList("sets.side")).containsExactlyInAnyOrder("LEFT", "RIGHT");
        assertThat(session.getList("sets.durationSeconds", Integer.class)).allSatisfy(s -> assertThat(s).isPositive());
        assertFitsThePhone();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> repsLadderOf(JsonPath exercise) {
        List<Map<String, Object>> ladders = exercise.getList("progression.ladders");
        return ladders == null ? null : ladders.stream().filter(l -> "REPS".equals(l.get("axis"))).findFirst().orElse(null);
    }

    /** No sideways scrolling at 390 px, and every visible control at least 44 px each way. */
    @SuppressWarnings("unchecked")
    private void assertFitsThePhone() {
        Map<String, Object> page = (Map<String, Object>) browser.executeScript("""
                const root = document.documentElement;
                const small = [...document.querySelectorAll('button, select, input, a.nav, a.button')]
                  .filter(e => e.offsetParent !== null)
                  .map(e => ({ e, r: e.getBoundingClientRect() }))
                  .filter(({ r }) => r.height < 44 || r.width < 44)
                  .map(({ e, r }) => `${e.id || e.textContent.trim()} ${Math.round(r.width)}x${Math.round(r.height)}`);
                return { innerWidth: window.innerWidth, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, small };""");
        assertThat(((Number) page.get("innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
        assertThat(((Number) page.get("scrollWidth")).intValue()).as("page width at " + PHONE_WIDTH + " px: " + browser.getCurrentUrl())
                .isLessThanOrEqualTo(((Number) page.get("clientWidth")).intValue());
        assertThat((List<String>) page.get("small")).as("controls smaller than " + SMALLEST_TAP_TARGET_PX + " px").isEmpty();
    }

    private void click(String id) {
        within(WAIT).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void signIn(String user) {
        within(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("footing");
        browser.findElement(By.id("kc-login")).click();
        within(WAIT).until(ExpectedConditions.urlContains(RunningSystem.stats("/")));
    }

    private void awaitText(String id, String text) {
        within(WAIT).until(ExpectedConditions.textToBe(By.id(id), text));
    }

    private WebDriverWait within(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
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
