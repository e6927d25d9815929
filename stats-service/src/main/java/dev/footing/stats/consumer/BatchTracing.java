package dev.footing.stats.consumer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * The trace of a set goes on from session-service into stats' apply: every record carries the
 * {@code traceparent} of the request that logged it, and the batch that applies it is one span,
 * {@code workout-events process}, linked to each of those contexts.
 *
 * <p>One span per batch with links, not one per event: a batch is applied as one transaction, so a
 * span per event would only split one database call into fictitious pieces. Links are how
 * OpenTelemetry's messaging conventions model a batch that serves many traces: from a set's trace,
 * a tracing UI follows the link to the apply (its duration, size, and whether it failed and was retried).
 */
@ApplicationScoped
public class BatchTracing {

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    @Inject
    public BatchTracing(OpenTelemetry openTelemetry) {
        this(openTelemetry.getTracer("dev.footing.stats"), openTelemetry.getPropagators().getTextMapPropagator());
    }

    BatchTracing(Tracer tracer, TextMapPropagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs {@code apply} inside the batch's span; a failure marks the span and is rethrown. */
    public <T> T traced(String topic, List<ConsumerRecord<String, byte[]>> batch, Callable<T> apply) throws Exception {
        SpanBuilder builder = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", batch.size());
        Span span = builder.startSpan();
        // Links only for a span that is recorded: with tracing off (the default) reading every record's
        // traceparent would be work per event for nothing.
        if (span.isRecording()) {
            for (ConsumerRecord<String, byte[]> record : batch) {
                SpanContext sent = Span.fromContext(propagator.extract(Context.root(), record.headers(), KAFKA_HEADERS))
                        .getSpanContext();
                if (sent.isValid()) {
                    span.addLink(sent);
                }
            }
        }
        try (Scope scope = span.makeCurrent()) {
            return apply.call();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
