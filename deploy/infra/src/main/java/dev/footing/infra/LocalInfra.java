package dev.footing.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a real Kafka broker and a real PostgreSQL on their usual ports for a local run,
 * keeping their data under {@code .footing-data/} between runs, and stops both on Ctrl-C.
 */
public final class LocalInfra implements AutoCloseable {

    public static final List<String> DATABASES = List.of("catalog", "session", "stats");

    private final KafkaBroker kafka;
    private final Postgres postgres;

    private LocalInfra(KafkaBroker kafka, Postgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static LocalInfra start(Path dataDir, int kafkaPort, int postgresPort) {
        Postgres postgres = Postgres.start(Optional.of(dataDir.resolve("postgres")), postgresPort);
        postgres.createDatabases(DATABASES);
        KafkaBroker kafka = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, kafkaPort + 1, "localhost").start();
        Topics.ensure(kafka.bootstrapServers(), 6);
        return new LocalInfra(kafka, postgres);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.close();
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(env("FOOTING_DATA_DIR", ".footing-data"));
        int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
        int postgresPort = Integer.parseInt(env("POSTGRES_PORT", "5432"));
        LocalInfra infra = start(dataDir, kafkaPort, postgresPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Kafka and PostgreSQL...");
            infra.close();
            stopped.countDown();
        }, "footing-local-infra-stop"));
        System.out.printf("Kafka      %s%nPostgreSQL %s (user %s, password %s; databases %s)%nData in    %s%nCtrl-C stops both.%n",
                infra.kafkaBootstrapServers(), infra.jdbcUrl(""), Postgres.USER, Postgres.PASSWORD, DATABASES,
                dataDir.toAbsolutePath());
        stopped.await();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
