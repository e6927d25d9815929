package dev.footing.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.infra.ServiceProcesses;

/**
 * The services' HTTP API as the benchmark uses it, every call with a Keycloak token: a user's own
 * ({@link LoadUsers}) for their training, the administrator's for a rebuild.
 */
final class FootingClient {

    static final UUID TOE_RAISE = UUID.nameUUIDFromBytes("footing:exercise:elevated-toe-raise".getBytes(StandardCharsets.UTF_8));

    // HTTP/1.1 as browsers and apps speak to these services; no h2c upgrade dance on every connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(DatabaseBaseline.named("load-live-"))).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ServiceProcesses services;
    private final LoadUsers users;

    FootingClient(ServiceProcesses services, LoadUsers users) {
        this.services = services;
        this.users = users;
    }

    static String set(Instant completedAt) {
        return "{\"exerciseId\":\"%s\",\"reps\":20,\"loadKg\":5,\"completedAt\":\"%s\"}".formatted(TOE_RAISE, completedAt);
    }

    static String workout(UUID id, String user, Instant start, int sets) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < sets; i++) {
            body.append(i == 0 ? "" : ",").append(set(start.plusSeconds(30L * i)));
        }
        return "{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"Europe/Berlin\",\"startedAt\":\"%s\",\"sets\":[%s]}"
                .formatted(id, user, start, body);
    }

    HttpResponse<String> postWorkout(UUID id, String user, Instant start, int sets) throws IOException, InterruptedException {
        return send(users.token(user), "POST", "session-service", "/api/sessions", workout(id, user, start, sets));
    }

    /** The status and body of a POST of one set. */
    record Answer(int status, String body) {
    }

    /**
     * Posts one set on the calling thread, over a kept-alive connection ({@link HttpURLConnection}), as
     * an app does from its own device. The JDK's {@link HttpClient} hands every exchange between its
     * selector thread and an executor: on an idle machine that added about 1 ms of its own to a request
     * the service answers in about 3 (docs/architecture.md §10), and under 64 clients it is CPU the load
     * generator takes from the services on the same two cores.
     */
    Answer postSet(String user, UUID session) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) services.url("session-service", "/api/sessions/" + session + "/sets")
                .toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        connection.setRequestProperty("Authorization", "Bearer " + users.token(user));
        connection.setRequestProperty("Content-Type", "application/json");
        byte[] body = set(Instant.now()).getBytes(StandardCharsets.UTF_8);
        connection.setDoOutput(true);
        // Not setFixedLengthStreamingMode: streamed, the headers and the body left as two writes, and the
        // body often reached the service 0.2-5 ms after the headers (measured on loopback here); buffered,
        // the JDK sends them together when the answer is asked for.
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        // Read to the end and closed, the connection goes back to the keep-alive cache for the next set.
        try (InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Settings of {@link HttpURLConnection} for {@link #postSet}, before its first use: keep a connection per
     * client (the JDK keeps 5 per server by default, and the others would reconnect for every set), and never
     * send a POST again by itself when a kept-alive connection turns out closed (it would post the set twice).
     */
    static void configureConnections(int clients) {
        System.setProperty("http.maxConnections", Integer.toString(clients));
        System.setProperty("sun.net.http.retryPost", "false");
    }

    CompletableFuture<HttpResponse<String>> postSetAsync(String user, UUID session, Duration timeout) {
        return http.sendAsync(request(users.token(user), "session-service", "/api/sessions/" + session + "/sets", timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(set(Instant.now()))).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode summary(String user) throws IOException, InterruptedException {
        return json.readTree(check(send(users.token(user), "GET", "stats-service", "/api/users/" + user + "/summary", null), 200).body());
    }

    long setsCounted(String user) throws IOException, InterruptedException {
        return summary(user).path("allTime").path("sets").asLong();
    }

    long eventsApplied(String user) throws IOException, InterruptedException {
        return summary(user).path("eventsApplied").asLong();
    }

    JsonNode startRebuild() throws IOException, InterruptedException {
        return json.readTree(check(send(users.admin(), "POST", "stats-service", "/api/admin/rebuild", ""), 202).body());
    }

    JsonNode rebuild(String id) throws IOException, InterruptedException {
        return json.readTree(check(send(users.admin(), "GET", "stats-service", "/api/admin/rebuild/" + id, null), 200).body());
    }

    /**
     * Follows the user's {@code /live} stream on its own thread, calling {@code counted} with the
     * user's all-time set count at every summary pushed, until the stream ends or is closed.
     */
    LiveStream followLive(String user, LongConsumer counted) {
        HttpRequest request = request(users.token(user), "stats-service", "/api/users/" + user + "/live", null)
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<InputStream>> exchange = streams.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<Void> ended = exchange.thenApply(HttpResponse::body).thenAcceptAsync(stream -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        counted.accept(json.readTree(line.substring(5)).path("allTime").path("sets").asLong());
                    }
                }
            } catch (IOException closed) {
                // The benchmark closed the stream (LiveStream.close), or the service ended it: either ends the follow.
            }
        }, Executors.newSingleThreadExecutor(DatabaseBaseline.named("load-live-reader-")));
        return new LiveStream(exchange, ended);
    }

    /**
     * The count and total seconds of the requests a service answered for {@code method} {@code uri}
     * (its route template) with {@code status}, from its own HTTP metrics (Micrometer's
     * {@code http_server_requests}): the time spent inside the service, without the client and the network.
     */
    double[] served(String service, String method, String uri, int status) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(services.managementUrl(service, "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        String labels = "method=\"%s\"".formatted(method);
        String route = "uri=\"%s\"".formatted(uri);
        String code = "status=\"%d\"".formatted(status);
        double[] countAndSeconds = new double[2];
        for (String line : check(metrics, 200).body().split("\n")) {
            if (line.contains(labels) && line.contains(route) && line.contains(code)) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_count{")) {
                    countAndSeconds[0] += value;
                } else if (line.startsWith("http_server_requests_seconds_sum{")) {
                    countAndSeconds[1] += value;
                }
            }
        }
        return countAndSeconds;
    }

    private HttpResponse<String> send(String token, String method, String service, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(token, service, path, Duration.ofSeconds(60));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String token, String service, String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(services.url(service, path).toString()))
                .header("Authorization", "Bearer " + token);
        return timeout == null ? builder : builder.timeout(timeout);
    }

    static Answer check(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    static HttpResponse<String> check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
