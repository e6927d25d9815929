package dev.footing.stats.support;

import static dev.footing.stats.support.Callers.as;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;

/**
 * Shared helpers of the service tests: unique users, waiting until stats has applied their events
 * (read as the user themself), and the management interface's health and metrics.
 */
public abstract class StatsTest {

    static {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    protected URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    protected URL metrics;

    /** The sum of a metric's series in the Prometheus exposition of the management interface. */
    protected double metric(String name) {
        String exposition = RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
        // A sample may end in an OpenMetrics exemplar (" # {trace_id=…} value timestamp"), which is not its value.
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    protected static String newUser(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The user's applied events, read as the user; -1 while the service answers 503 with Retry-After
     * (what a client retries on, e.g. the pool refilling on a loaded machine), so that a wait on it
     * goes on instead of failing. Any other answer than 200 fails.
     */
    protected static long eventsApplied(String userId) {
        Response answer = as(userId).get("/api/users/{u}/summary", userId).andReturn();
        if (answer.statusCode() == 503 && answer.header("Retry-After") != null) {
            return -1;
        }
        return answer.then().statusCode(200).extract().jsonPath().getLong("eventsApplied");
    }

    protected static void awaitEventsApplied(String userId, long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> eventsApplied(userId) >= expected);
    }
}
