package dev.footing.session.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.arc.Arc;

/**
 * The W3C {@code traceparent} an event carries on: the current span's when tracing is on (a child
 * of the client's trace), else the client's own header when it sent a valid one, so a trace started
 * by a client is not cut at this service even when its SDK is off.
 */
@ApplicationScoped
public class TraceParents {

    private static final TextMapGetter<HttpHeaders> REQUEST_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders headers) {
            return headers.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpHeaders headers, String key) {
            return headers == null ? null : headers.getHeaderString(key);
        }
    };

    @Inject
    Instance<HttpHeaders> requestHeaders;

    /** Null when there is no trace to continue. */
    public String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid() && Arc.container().requestContext().isActive()) {
            Context client = W3CTraceContextPropagator.getInstance().extract(Context.root(), requestHeaders.get(), REQUEST_HEADERS);
            span = Span.fromContext(client).getSpanContext();
        }
        return span.isValid() ? format(span) : null;
    }

    private static String format(SpanContext span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
