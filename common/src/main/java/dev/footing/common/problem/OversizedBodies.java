package dev.footing.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused by Quarkus with an
 * empty 413 (route order -2), before any exception mapper could make it a problem. This route runs
 * just before it and gives the same refusal as an RFC 9457 problem.
 */
@ApplicationScoped
public class OversizedBodies {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        String body = problem(limit);
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declared(length) > limit) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        // The rest of the body is never read: the connection cannot be reused.
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(done -> ctx.request().connection().close())
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge: Quarkus answers a malformed Content-Length
        }
    }

    private String problem(long limit) {
        try {
            return json.writeValueAsString(ProblemException.tooLarge(
                    "The request body is larger than the " + limit + " bytes accepted").problem());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
