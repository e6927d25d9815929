package dev.footing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.infra.FreePort;
import dev.footing.infra.ServiceProcesses;
import dev.footing.infra.TestInfrastructure;
import dev.footing.infra.Tokens;

/**
 * The whole pipeline under load, on this machine: the three packaged services, a real broker and
 * a real PostgreSQL (fsync and synchronous_commit on).
 *
 * <ol>
 *   <li>Ingest: whole workouts of {@code setsPerSession} sets posted by {@code clients} threads;
 *       sets accepted per second, and how long until stats-service has applied all of them.</li>
 *   <li>Latency: single sets posted one at a time; the POST round trip and the time until the
 *       set shows in the user's summary (what a dashboard waits for).</li>
 *   <li>Memory: resident set size of each service afterwards.</li>
 * </ol>
 * Sizes come from system properties (bench.users, bench.sessions, bench.sets, bench.clients, bench.single).
 *
 * <p>Security is on, as in production: a real Keycloak issues the tokens. The load generator acts
 * as the {@code admin} user, which may log and read training for any user (as an import would,
 * docs/architecture.md §8), so the benchmark users need no accounts of their own; every request
 * still carries a token that each service verifies.
 */
public final class PipelineBenchmark {

    private static final UUID TOE_RAISE = UUID.nameUUIDFromBytes("footing:exercise:elevated-toe-raise".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ServiceProcesses services;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AdminToken token;

    private PipelineBenchmark(ServiceProcesses services, String issuer) {
        this.services = services;
        this.token = new AdminToken(issuer);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("footing.root", ".")).toAbsolutePath().normalize();
        ServiceProcesses services = new ServiceProcesses(root, root.resolve("bench/target/service-logs"), FreePort.pick(), FreePort.pick(), FreePort.pick());
        try {
            String issuer = TestInfrastructure.keycloakIssuer();
            services.oidcIssuer(issuer);
            services.start(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure::jdbcUrl,
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
            services.awaitReady(Duration.ofMinutes(3));
            new PipelineBenchmark(services, issuer).runAll();
        } catch (Throwable failure) {
            // A benchmark that fails must fail the command, not end in a silent "BUILD SUCCESS".
            failure.printStackTrace();
            services.close();
            System.exit(1);
        }
        services.close();
        // The embedded broker and database run non-daemon threads; they stop in shutdown hooks.
        System.exit(0);
    }

    private void runAll() throws Exception {
        int users = Integer.getInteger("bench.users", 20);
        int sessions = Integer.getInteger("bench.sessions", 10);
        int sets = Integer.getInteger("bench.sets", 50);
        int clients = Integer.getInteger("bench.clients", 4);
        int single = Integer.getInteger("bench.single", 300);

        System.out.println("Warming up (JIT on 2 cores takes a while)...");
        ingest("warm", 8, 5, 50, clients);
        latency("warm", 100);

        System.out.printf("%nIngest: %d users × %d workouts × %d sets, %d client threads%n", users, sessions, sets, clients);
        ingest("load", users, sessions, sets, clients);
        System.out.printf("%nLatency: %d single sets, one at a time%n", single);
        latency("single", single);
        System.out.println("\nMemory after the run (resident set size):");
        for (String service : List.of("catalog-service", "session-service", "stats-service")) {
            System.out.printf("  %-16s %,d MiB%n", service, residentMiB(services.pid(service)));
        }
    }

    private void ingest(String label, int users, int sessionsPerUser, int setsPerSession, int clients) throws Exception {
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            userIds.add("bench-" + run + "-" + label + "-" + u);
        }
        awaitReplica(userIds.get(0));
        long expected = (long) users * sessionsPerUser * setsPerSession + setsPerSession;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant start = Instant.now();
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < sessionsPerUser; s++) {
            for (String user : userIds) {
                int day = s;
                work.add(pool.submit(() -> postWorkout(user, day, setsPerSession)));
            }
        }
        for (Future<?> f : work) {
            f.get();
        }
        Duration accepted = Duration.between(start, Instant.now());
        pool.shutdown();
        long applied;
        while ((applied = appliedSets(userIds)) < expected) {
            Thread.sleep(50);
        }
        Duration visible = Duration.between(start, Instant.now());
        long posted = expected - setsPerSession;
        System.out.printf("  accepted by session-service: %,d sets in %.2f s = %,.0f sets/s%n", posted, seconds(accepted), posted / seconds(accepted));
        System.out.printf("  applied by stats-service:    %,d sets in %.2f s = %,.0f sets/s end to end%n", applied, seconds(visible), applied / seconds(visible));
    }

    private void latency(String label, int count) throws Exception {
        String user = "bench-" + run + "-" + label;
        UUID session = UUID.randomUUID();
        awaitReplica(user, session);
        List<Double> post = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        long known = eventsApplied(user);
        for (int i = 0; i < count; i++) {
            Instant start = Instant.now();
            HttpResponse<String> response = send("POST", "session-service", "/api/sessions/" + session + "/sets",
                    set(Instant.now()));
            check(response, 201);
            post.add(millisSince(start));
            while (eventsApplied(user) <= known) {
                Thread.onSpinWait();
            }
            known++;
            visible.add(millisSince(start));
        }
        System.out.printf("  POST one set → 201:          p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", pct(post, 50), pct(post, 95), pct(post, 99));
        System.out.printf("  POST → visible in /summary:  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", pct(visible, 50), pct(visible, 95), pct(visible, 99));
    }

    private void postWorkout(String user, int day, int setsPerSession) {
        Instant start = Instant.parse("2026-06-01T07:00:00Z").plus(Duration.ofDays(day));
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < setsPerSession; i++) {
            sets.append(i == 0 ? "" : ",").append(set(start.plusSeconds(30L * i)));
        }
        String body = "{\"userId\":\"%s\",\"timezone\":\"Europe/Berlin\",\"startedAt\":\"%s\",\"sets\":[%s]}".formatted(user, start, sets);
        try {
            check(send("POST", "session-service", "/api/sessions", body), 201);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReplica(String user) throws Exception {
        awaitReplica(user, UUID.randomUUID());
    }

    /** Posts the first workout until session-service's catalog replica knows the exercise. */
    private void awaitReplica(String user, UUID session) throws Exception {
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sets.append(i == 0 ? "" : ",").append(set(Instant.now().minusSeconds(600 - i)));
        }
        String body = "{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"UTC\",\"sets\":[%s]}".formatted(session, user, sets);
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> response = send("POST", "session-service", "/api/sessions", body);
            if (response.statusCode() == 201) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("session-service never accepted the benchmark exercise");
    }

    private static String set(Instant completedAt) {
        return "{\"exerciseId\":\"%s\",\"reps\":20,\"loadKg\":5,\"completedAt\":\"%s\"}".formatted(TOE_RAISE, completedAt);
    }

    private long appliedSets(List<String> users) throws Exception {
        long total = 0;
        for (String user : users) {
            total += json.readTree(send("GET", "stats-service", "/api/users/" + user + "/summary", null).body())
                    .path("allTime").path("sets").asLong();
        }
        return total;
    }

    private long eventsApplied(String user) throws Exception {
        return json.readTree(send("GET", "stats-service", "/api/users/" + user + "/summary", null).body()).path("eventsApplied").asLong();
    }

    private HttpResponse<String> send(String method, String service, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(services.url(service, path).toString()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.get());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin's access token, fetched again well before Keycloak's five-minute lifespan runs out. */
    private static final class AdminToken {

        private final String issuer;
        private String value;
        private Instant fetchedAt;

        AdminToken(String issuer) {
            this.issuer = issuer;
        }

        synchronized String get() {
            if (value == null || Duration.between(fetchedAt, Instant.now()).compareTo(Duration.ofMinutes(2)) > 0) {
                value = Tokens.password(issuer, "admin");
                fetchedAt = Instant.now();
            }
            return value;
        }
    }

    private static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    private static long residentMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toNanos() / 1e6;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

}
