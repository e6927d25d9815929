package dev.footing.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The broker and the database server from Testcontainers' Kafka and PostgreSQL modules, for
 * machines with a Docker engine, when {@link InfraChoice} picks them.
 *
 * <p><b>Not run by our build:</b> there is no Docker engine on our build machines or in CI, so this
 * class is compiled and its choice logic ({@link InfraChoice}) unit-tested there, but no test has
 * ever started these containers in CI. Whoever runs it on a machine with Docker is the first test.
 *
 * <p>It is the container counterpart of {@link KafkaBroker} and {@link Postgres}: the same Kafka
 * version as our clients (4.1.2) and the same broker settings, PostgreSQL 17 with durable commits.
 * The broker cannot be stopped and started again on the same address from a test, so
 * {@link TestInfrastructure#canStopKafka()} is false with it and the outage tests skip.
 * Containers are stopped when the JVM exits (and removed by Testcontainers' reaper if it dies).
 *
 * <p>Only {@link TestInfrastructure} refers to this class, and only on the Testcontainers path:
 * the embedded path never loads it, nor any Testcontainers class.
 */
final class ContainerInfra {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:17";

    private ContainerInfra() {
    }

    /** Starts a single-node KRaft broker; returns its bootstrap servers. */
    @SuppressWarnings("resource") // stopped by the shutdown hook
    static String startKafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                // The settings of KafkaBroker that differ from the image's defaults.
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_LOG_CLEANER_BACKOFF_MS", "1000");
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "footing-test-kafka-container-stop"));
        return kafka.getBootstrapServers();
    }

    /**
     * Starts PostgreSQL 17 with the given superuser and creates {@code databases} on it; returns
     * the server's JDBC URL without a database name, e.g. {@code jdbc:postgresql://localhost:32768/}.
     */
    @SuppressWarnings("resource") // stopped by the shutdown hook
    static String startPostgres(String user, String password, List<String> databases) {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName("postgres")
                .withUsername(user)
                .withPassword(password);
        // The module turns fsync off; we promise no lost data, as with the embedded server.
        postgres.withCommand("postgres", "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=200");
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "footing-test-postgres-container-stop"));
        String base = "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
        createDatabases(base, user, password, databases);
        return base;
    }

    private static void createDatabases(String base, String user, String password, List<String> names) {
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + names + " in the PostgreSQL container", e);
        }
    }
}
