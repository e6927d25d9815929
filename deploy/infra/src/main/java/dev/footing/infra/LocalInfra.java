package dev.footing.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a real Kafka broker, a real PostgreSQL and a real Keycloak on their usual ports for a
 * local run, keeping their data under {@code .footing-data/} between runs, and stops them on Ctrl-C.
 */
public final class LocalInfra implements AutoCloseable {

    public static final List<String> DATABASES = List.of("catalog", "session", "stats");

    private final KafkaBroker kafka;
    private final Postgres postgres;
    private final KeycloakServer keycloak;

    private LocalInfra(KafkaBroker kafka, Postgres postgres, KeycloakServer keycloak) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.keycloak = keycloak;
    }

    /** Kafka and PostgreSQL only. */
    public static LocalInfra start(Path dataDir, int kafkaPort, int postgresPort) {
        return start(dataDir, kafkaPort, postgresPort, null);
    }

    /**
     * Kafka, PostgreSQL and, unless {@code keycloak} is null, Keycloak: launched first so that it
     * starts while the others do, then waited for.
     */
    public static LocalInfra start(Path dataDir, int kafkaPort, int postgresPort, KeycloakServer keycloak) {
        if (keycloak != null) {
            keycloak.launch();
        }
        Postgres postgres = null;
        KafkaBroker kafka = null;
        try {
            postgres = Postgres.start(Optional.of(dataDir.resolve("postgres")), postgresPort);
            postgres.createDatabases(DATABASES);
            kafka = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, kafkaPort + 1, "localhost").start();
            Topics.ensure(kafka.bootstrapServers(), 6);
            if (keycloak != null) {
                keycloak.awaitReady(Duration.ofMinutes(3));
            }
            return new LocalInfra(kafka, postgres, keycloak);
        } catch (RuntimeException e) {
            new LocalInfra(kafka, postgres, keycloak).close();
            throw e;
        }
    }

    /** A Keycloak keeping its data in {@code <dataDir>/keycloak}, logging to {@code <dataDir>/logs/keycloak.log}. */
    public static KeycloakServer keycloak(Path dataDir, int port, String webUrl) {
        return new KeycloakServer(dataDir.resolve("keycloak"), port, webUrl, dataDir.resolve("logs/keycloak.log"));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The Keycloak started with the rest, if any. */
    public Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(env("FOOTING_DATA_DIR", ".footing-data")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
        int postgresPort = Integer.parseInt(env("POSTGRES_PORT", "5432"));
        int keycloakPort = Integer.parseInt(env("KEYCLOAK_PORT", "8180"));
        String webUrl = "http://localhost:" + env("STATS_PORT", "8083");
        LocalInfra infra = start(dataDir, kafkaPort, postgresPort, keycloak(dataDir, keycloakPort, webUrl));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Kafka, PostgreSQL and Keycloak...");
            infra.close();
            stopped.countDown();
        }, "footing-local-infra-stop"));
        KeycloakServer keycloak = infra.keycloak().orElseThrow();
        System.out.printf("Kafka      %s%nPostgreSQL %s (user %s, password %s; databases %s)%nKeycloak   %s (issuer %s)%n"
                + "Data in    %s%nCtrl-C stops them.%n",
                infra.kafkaBootstrapServers(), infra.jdbcUrl(""), Postgres.USER, Postgres.PASSWORD, DATABASES,
                keycloak.baseUrl(), keycloak.issuer(), dataDir);
        stopped.await();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
