package dev.footing.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * A user's {@code /live} stream as the benchmark follows it. Closing it closes the response body, and
 * with it the connection, so stats-service stops pushing to it: cancelling the future that reads the
 * lines would only stop waiting for it, and the stream would go on costing the later scenarios.
 */
final class LiveStream implements AutoCloseable {

    private final CompletableFuture<InputStream> body;
    private final CompletableFuture<Void> ended;

    LiveStream(CompletableFuture<InputStream> body, CompletableFuture<Void> ended) {
        this.body = body;
        this.ended = ended;
    }

    boolean isDone() {
        return ended.isDone();
    }

    @Override
    public void close() throws IOException {
        InputStream stream = body.getNow(null);
        if (stream != null) {
            stream.close();
        } else {
            body.cancel(true);
        }
    }
}
