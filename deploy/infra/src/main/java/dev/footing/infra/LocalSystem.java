package dev.footing.infra;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The "embedded default": a real Kafka broker, a real PostgreSQL and the three packaged services
 * on loopback, data kept under {@code .footing-data/} between runs; Ctrl-C stops everything.
 */
public final class LocalSystem {

    private LocalSystem() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("footing.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(LocalInfra.env("FOOTING_DATA_DIR", ".footing-data"));
        ServiceProcesses services = new ServiceProcesses(root, dataDir.resolve("logs"),
                port("CATALOG_PORT", 8081), port("SESSION_PORT", 8082), port("STATS_PORT", 8083));

        System.out.println("Starting Kafka and PostgreSQL (data in " + dataDir + ")...");
        LocalInfra infra = LocalInfra.start(dataDir, port("KAFKA_PORT", 9092), port("POSTGRES_PORT", 5432));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka and PostgreSQL...");
            services.close();
            infra.close();
            stopped.countDown();
        }, "footing-local-stop"));

        services.start(infra.kafkaBootstrapServers(), infra::jdbcUrl, Postgres.USER, Postgres.PASSWORD);
        services.awaitReady(Duration.ofMinutes(3));
        System.out.printf("""

                Footing is up.
                  Dashboard        http://localhost:%3$d/
                  Catalog API      http://localhost:%1$d/api/exercises      Swagger UI http://localhost:%1$d/q/swagger-ui
                  Session API      http://localhost:%2$d/api/sessions       Swagger UI http://localhost:%2$d/q/swagger-ui
                  Stats API        http://localhost:%3$d/api/users/{userId}/summary   Swagger UI http://localhost:%3$d/q/swagger-ui
                  Kafka            %4$s
                  PostgreSQL       %5$s  (user %6$s, password %7$s)
                  Logs             %8$s
                Ctrl-C stops everything; the data stays in %9$s.
                """, services.catalogPort(), services.sessionPort(), services.statsPort(), infra.kafkaBootstrapServers(),
                infra.jdbcUrl("{catalog,session,stats}"), Postgres.USER, Postgres.PASSWORD, dataDir.resolve("logs"), dataDir);
        if (Boolean.parseBoolean(System.getProperty("footing.demo", LocalInfra.env("FOOTING_DEMO", "false")))) {
            System.out.println("Loading demo data through session-service (users demo-ana, demo-ben, demo-chen)...");
            new DemoData(services.url("catalog-service", "/"), services.url("session-service", "/"), Clock.systemUTC()).load();
        }
        stopped.await();
    }

    private static int port(String env, int fallback) {
        return Integer.parseInt(LocalInfra.env(env, String.valueOf(fallback)));
    }
}
