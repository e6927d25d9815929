package dev.footing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The "embedded default": a real Kafka broker, a real PostgreSQL and the three packaged services
 * on loopback, data kept under {@code .footing-data/} between runs; Ctrl-C stops everything.
 */
public final class LocalSystem {

    record Service(String name, int port) {
        URI url(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private final Path root;
    private final Path dataDir;
    private final List<Process> processes = new ArrayList<>();

    LocalSystem(Path root) {
        this.root = root;
        this.dataDir = root.resolve(LocalInfra.env("FOOTING_DATA_DIR", ".footing-data"));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("footing.root", ".")).toAbsolutePath().normalize();
        new LocalSystem(root).run();
    }

    void run() throws InterruptedException {
        List<Service> services = List.of(
                new Service("catalog-service", port("CATALOG_PORT", 8081)),
                new Service("session-service", port("SESSION_PORT", 8082)),
                new Service("stats-service", port("STATS_PORT", 8083)));
        for (Service service : services) {
            Path jar = jarOf(service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
            }
        }
        System.out.println("Starting Kafka and PostgreSQL (data in " + dataDir + ")...");
        LocalInfra infra = LocalInfra.start(dataDir, port("KAFKA_PORT", 9092), port("POSTGRES_PORT", 5432));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka and PostgreSQL...");
            stopServices();
            infra.close();
            stopped.countDown();
        }, "footing-local-stop"));

        for (Service service : services) {
            processes.add(launch(service, infra));
        }
        for (Service service : services) {
            awaitReady(service, Duration.ofMinutes(3));
        }
        Service catalog = services.get(0);
        Service session = services.get(1);
        Service stats = services.get(2);
        System.out.printf("""

                Footing is up.
                  Dashboard        http://localhost:%3$d/
                  Catalog API      http://localhost:%1$d/api/exercises      Swagger UI http://localhost:%1$d/q/swagger-ui
                  Session API      http://localhost:%2$d/api/sessions       Swagger UI http://localhost:%2$d/q/swagger-ui
                  Stats API        http://localhost:%3$d/api/users/{userId}/summary   Swagger UI http://localhost:%3$d/q/swagger-ui
                  Kafka            %4$s
                  PostgreSQL       %5$s  (user postgres, password postgres)
                  Logs             %6$s
                Ctrl-C stops everything; data stays in %7$s.
                """, catalog.port(), session.port(), stats.port(), infra.kafkaBootstrapServers(), infra.jdbcUrl("{catalog,session,stats}"),
                dataDir.resolve("logs"), dataDir);
        stopped.await();
    }

    private Process launch(Service service, LocalInfra infra) {
        try {
            Path logs = Files.createDirectories(dataDir.resolve("logs"));
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jarOf(service).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(service.name() + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
            env.put("DB_URL", infra.jdbcUrl(service.name().replace("-service", "")));
            env.put("DB_USER", Postgres.USER);
            env.put("DB_PASSWORD", Postgres.PASSWORD);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service.name(), e);
        }
    }

    private void awaitReady(Service service, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        Process process = processes.get(List.of("catalog-service", "session-service", "stats-service").indexOf(service.name()));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see " + dataDir.resolve("logs/" + service.name() + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(service.url("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    System.out.println("  " + service.name() + " ready on port " + service.port());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(service.name() + " not ready after " + timeout);
    }

    private void stopServices() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path jarOf(Service service) {
        return root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int port(String env, int fallback) {
        return Integer.parseInt(LocalInfra.env(env, String.valueOf(fallback)));
    }
}
