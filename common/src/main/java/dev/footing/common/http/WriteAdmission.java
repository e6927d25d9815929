package dev.footing.common.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Back-pressure for writes: at most {@code footing.http.max-concurrent-writes} API writes are in
 * progress at once; one more is refused at the door with a 503 and {@code Retry-After}, before it
 * takes a worker thread or waits for a database connection.
 *
 * <p>Without it an overloaded service queues every request (worker pool, then connection pool) until
 * the client times out or the pool's acquisition timeout turns it into a late 503: the client
 * learns nothing useful and the work done for it is wasted. A refused request changed nothing, so
 * retrying it is always safe. Reads and live streams are not limited here: they are cheap, and a
 * stream stays open for as long as a dashboard does.
 */
@ApplicationScoped
public class WriteAdmission {

    @ConfigProperty(name = "footing.http.max-concurrent-writes")
    int maxConcurrentWrites;

    @ConfigProperty(name = "footing.http.retry-after-seconds")
    int retryAfterSeconds;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    private final AtomicInteger inProgress = new AtomicInteger();

    void register(@Observes Router router) {
        String refusal = refusal();
        meters.gauge("footing.http.writes.in.progress", inProgress);
        var refused = meters.counter("footing.http.writes.refused");
        // After the oversized-body check (-3), before Quarkus' own body handling and the resources.
        router.route("/api/*").order(-2).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
                ctx.next();
                return;
            }
            if (inProgress.incrementAndGet() > maxConcurrentWrites) {
                inProgress.decrementAndGet();
                refused.increment();
                ctx.response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .end(refusal);
                return;
            }
            ctx.addEndHandler(done -> inProgress.decrementAndGet());
            ctx.next();
        });
    }

    private String refusal() {
        try {
            return json.writeValueAsString(new Problem(ProblemException.type("busy"), "Service unavailable", 503,
                    "Too many writes are in progress; nothing was written. Retry after " + retryAfterSeconds + " s.", List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
