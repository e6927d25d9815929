package dev.footing.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

import io.restassured.response.Response;

/**
 * Requests whose answer may legitimately be "not yet" on a system that has just started or is
 * loaded: a 503 with Retry-After (what every client retries on), and whatever status the caller
 * names, such as a 422 while session-service is still reading the catalog into its replica.
 */
final class Retry {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private Retry() {
    }

    /** The first answer that is neither, sending the request again every half second for at most a minute. */
    static Response answer(Supplier<Response> request, int... notYet) {
        return Awaitility.await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .until(request::get, answer -> !isNotYet(answer, notYet));
    }

    private static boolean isNotYet(Response answer, int... notYet) {
        int status = answer.statusCode();
        return status == 503 && answer.header("Retry-After") != null || Arrays.stream(notYet).anyMatch(s -> s == status);
    }
}
