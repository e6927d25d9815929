package dev.footing.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * A user's {@code /live} stream as the benchmark follows it. Closing it closes the response body, and
 * with it the connection, so stats-service stops pushing to it: cancelling the future that reads the
 * lines would only stop waiting for it, and the stream would go on costing the later scenarios.
 */
final class LiveStream implements AutoCloseable {

    private final CompletableFuture<HttpResponse<InputStream>> exchange;
    private final CompletableFuture<Void> ended;

    LiveStream(CompletableFuture<HttpResponse<InputStream>> exchange, CompletableFuture<Void> ended) {
        this.exchange = exchange;
        this.ended = ended;
    }

    boolean isDone() {
        return ended.isDone();
    }

    /** Closes the body now, or as soon as the response arrives if it has not yet. */
    @Override
    public void close() {
        exchange.thenAccept(response -> {
            try {
                response.body().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
