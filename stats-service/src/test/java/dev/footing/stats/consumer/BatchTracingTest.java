package dev.footing.stats.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

class BatchTracingTest {

    private static final String ANA_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String BEN_TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final BatchTracing tracing;

    BatchTracingTest() {
        SpanExporter collect = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(collect)).build();
        tracing = new BatchTracing(provider.get("test"), W3CTraceContextPropagator.getInstance());
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String traceId) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("workout-events", 0, offset, "ana", new byte[0]);
        if (traceId != null) {
            record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void theApplyOfABatchIsOneSpanLinkedToTheTraceOfEveryEventThatCarriedOne() throws Exception {
        String traceInside = tracing.traced("workout-events", List.of(record(0, ANA_TRACE), record(1, null), record(2, BEN_TRACE)),
                () -> Span.current().getSpanContext().getTraceId());

        assertThat(finished).hasSize(1);
        SpanData span = finished.get(0);
        assertThat(span.getName()).isEqualTo("workout-events process");
        assertThat(span.getTraceId()).as("the apply runs inside the span").isEqualTo(traceInside);
        assertThat(span.getLinks()).extracting(link -> link.getSpanContext().getTraceId())
                .containsExactly(ANA_TRACE, BEN_TRACE);
        assertThat(span.getLinks()).extracting(LinkData::getSpanContext).allMatch(context -> context.isRemote());
        assertThat(span.getAttributes().asMap().values()).contains(3L);
    }

    @Test
    void aBatchThatFailsLeavesAnErrorSpanAndTheFailureGoesOn() {
        assertThatThrownBy(() -> tracing.traced("workout-events", List.of(record(0, ANA_TRACE)), () -> {
            throw new java.sql.SQLException("database down", "08006");
        })).hasMessage("database down");
        assertThat(finished).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getEvents()).extracting(event -> event.getName()).contains("exception");
        });
    }
}
