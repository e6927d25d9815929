package dev.footing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.infra.FreePort;
import dev.footing.infra.ServiceProcesses;
import dev.footing.infra.TestInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rollout, as a load balancer's clients see it: a session-service instance gets SIGTERM while
 * clients keep posting sessions through a load balancer that sends them to it as long as its
 * readiness says UP (polled every 100 ms, as a Kubernetes endpoint or an HAProxy check would).
 * Its graceful shutdown (common's {@code quarkus.shutdown.*}) turns readiness DOWN first, serves on
 * for the delay, and lets the requests in flight finish: nothing it answered is lost, nothing it
 * answers is a 5xx, and it stops on its own well within the timeout. A request whose connection is
 * refused or cut anyway is retried, same ids, on the instance that stays, as it would be on a
 * restarted one. At the end, every session that got a 201 is counted once in stats-service.
 *
 * <p>The instance under test is a second session-service of its own (the shared one keeps serving
 * the other tests); the sessions belong to a user of this test only, posted by the admin.
 */
class GracefulShutdownTest {

    static final String LEAVING = "session-service-leaving";
    static final String USER = "graceful-" + UUID.randomUUID().toString().substring(0, 8);
    static final int CLIENTS = 4;
    static final ObjectMapper JSON = new ObjectMapper();

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @BeforeAll
    static void startTheInstanceThatWillLeave() throws Exception {
        ServiceProcesses system = RunningSystem.get();
        system.startInstance(LEAVING, "session-service", FreePort.pick(), Map.of(),
                TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure::jdbcUrl,
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
        system.awaitReady(Duration.ofMinutes(2));
        // Its own exercise replica is read from the topic after start: until then a set is a 422.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> post(system.url(LEAVING, "/api/sessions"), session(UUID.randomUUID())).statusCode() == 201);
    }

    @AfterAll
    static void stopIt() {
        RunningSystem.get().stop(LEAVING);
    }

    @Test
    void sigtermDuringAStreamOfPostsLosesNothingAndAnswersNo5xx() throws Exception {
        ServiceProcesses system = RunningSystem.get();
        URI leaving = system.url(LEAVING, "/api/sessions");
        URI staying = system.url("session-service", "/api/sessions");
        long leavingPid = system.pid(LEAVING);

        Set<UUID> created = ConcurrentHashMap.newKeySet();
        List<String> serverErrors = new CopyOnWriteArrayList<>();
        AtomicInteger answeredByLeaving = new AtomicInteger();
        AtomicInteger retriedElsewhere = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean inRotation = new AtomicBoolean(true);
        AtomicReference<Instant> readinessDown = new AtomicReference<>();
        AtomicReference<Instant> firstCut = new AtomicReference<>();
        CountDownLatch warm = new CountDownLatch(CLIENTS * 20);

        // The load balancer's health check: out of rotation once readiness is anything but 200.
        URI readiness = system.managementUrl(LEAVING, "/q/health/ready");
        Thread balancer = new Thread(() -> {
            while (running.get() && inRotation.get()) {
                if (!ready(readiness)) {
                    readinessDown.compareAndSet(null, Instant.now());
                    inRotation.set(false);
                }
                sleep(100);
            }
        }, "graceful-balancer");
        balancer.start();

        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    UUID id = UUID.randomUUID();
                    Map<String, Object> body = session(id);
                    boolean toLeaving = inRotation.get();
                    try {
                        record(post(toLeaving ? leaving : staying, body), id, created, serverErrors);
                        if (toLeaving) {
                            answeredByLeaving.incrementAndGet();
                        }
                    } catch (IOException goneOrCut) {
                        // Refused, or cut while in flight (the outcome unknown): the same request,
                        // same ids, elsewhere. A resend of a stored session is a 201 again.
                        firstCut.compareAndSet(null, Instant.now());
                        retriedElsewhere.incrementAndGet();
                        try {
                            record(post(staying, body), id, created, serverErrors);
                        } catch (IOException | InterruptedException e) {
                            serverErrors.add("retry of " + id + " failed: " + e);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    warm.countDown();
                }
            }, "graceful-client-" + i);
            client.start();
            clients.add(client);
        }

        assertThat(warm.await(60, TimeUnit.SECONDS)).as("the clients got going").isTrue();
        // For the memory budget of deploy/jvm-options (250 MiB per service): what it holds under load.
        System.out.printf("graceful shutdown: %s resident before SIGTERM: %s%n", LEAVING, residentSize(leavingPid));
        Path logFile = Path.of(System.getProperty("footing.root", "..")).toAbsolutePath().normalize()
                .resolve("e2e-tests/target/service-logs/" + LEAVING + ".log");
        long logBefore = Files.size(logFile);
        Instant sigterm = Instant.now();
        system.stop(LEAVING); // SIGTERM, then waits for the process to exit (kills it after 30 s)
        Duration exitedAfter = Duration.between(sigterm, Instant.now());
        Thread.sleep(1000); // a second more of clients, all on the instance that stays
        running.set(false);
        balancer.join(5_000);
        for (Thread client : clients) {
            client.join(15_000);
        }

        String shutdownLog = Files.readString(logFile).substring((int) logBefore);
        System.out.printf("graceful shutdown: pid %d exited %d ms after SIGTERM, readiness down after %s ms, first cut connection after %s ms;"
                + " %d answers from it, %d retried elsewhere, %d sessions created%n",
                leavingPid, exitedAfter.toMillis(), millisAfter(sigterm, readinessDown.get()), millisAfter(sigterm, firstCut.get()),
                answeredByLeaving.get(), retriedElsewhere.get(), created.size());

        assertThat(serverErrors).as("5xx answers or failed retries").isEmpty();
        assertThat(readinessDown.get()).as("readiness turned DOWN before the instance was gone").isNotNull();
        if (firstCut.get() != null) {
            assertThat(readinessDown.get()).as("readiness dropped before any connection was refused or cut").isBefore(firstCut.get());
        }
        assertThat(exitedAfter).as("it left on its own, not killed after 30 s").isLessThan(Duration.ofSeconds(25));
        assertThat(shutdownLog).as("the shutdown did not time out").doesNotContain("Timed out waiting for graceful shutdown");
        assertThat(answeredByLeaving.get()).isGreaterThan(0);

        // +1: the session that proved the replica was ready in @BeforeAll.
        int expectedSets = created.size() + 1;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(countedSets()).as("sets counted by stats-service").isEqualTo(expectedSets));
    }

    private static boolean ready(URI readiness) {
        try {
            HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(1)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String millisAfter(Instant start, Instant event) {
        return event == null ? "-" : String.valueOf(Duration.between(start, event).toMillis());
    }

    private static String residentSize(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).trim()).findFirst().orElse("?");
        } catch (IOException | RuntimeException notLinux) {
            return "?";
        }
    }

    private static void record(HttpResponse<String> answer, UUID id, Set<UUID> created, List<String> serverErrors) {
        if (answer.statusCode() == 201) {
            created.add(id);
        } else {
            serverErrors.add(answer.statusCode() + " for " + id + ": " + answer.body());
        }
    }

    private static Map<String, Object> session(UUID id) {
        Map<String, Object> set = Map.of("id", UUID.randomUUID(), "exerciseId", Catalog.exercise("heel-walk"),
                "durationSeconds", 30, "completedAt", "2026-11-20T10:00:00Z");
        return Map.of("id", id, "userId", USER, "timezone", "UTC", "startedAt", "2026-11-20T09:59:00Z", "sets", List.of(set));
    }

    private static HttpResponse<String> post(URI uri, Map<String, Object> body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + RunningSystem.token("admin"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long countedSets() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(RunningSystem.get().url("stats-service", "/api/users/" + USER + "/summary"))
                .header("Authorization", "Bearer " + RunningSystem.token("admin"))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return -answer.statusCode();
        }
        JsonNode summary = JSON.readTree(answer.body());
        return summary.path("allTime").path("sets").asLong(-1);
    }
}
