package dev.footing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, started on first use on free
 * ports and stopped when the JVM exits.
 *
 * <p>With {@code KAFKA_BOOTSTRAP_SERVERS} and {@code DB_URL} set (for example to containers that
 * docker compose started), those are used instead and nothing is started. Where a Docker engine
 * exists, Testcontainers' Kafka and PostgreSQL modules can start them instead
 * ({@code -Dfooting.infra=testcontainers}, or by default when {@code DOCKER_HOST} is set): see
 * {@link InfraChoice} for the whole decision and {@link ContainerInfra} for the containers. Our CI
 * has no Docker engine, so that path is compiled and its choice unit-tested there, never run.
 *
 * <p>A real Keycloak is started only when a test asks for it ({@link #keycloakIssuer(String)}),
 * or taken from {@code OIDC_ISSUER}.
 *
 * <p>Faults for outage tests: the embedded broker and database can be stopped and started again
 * ({@link #stopKafka()}, {@link #stopDatabase()}), and the database cut off by a silent network
 * partition ({@link #partitionDatabase()}, with nftables as root).
 *
 * <p>Quarkus may load this class more than once (its test class loaders), so the shared state
 * lives where every loader sees the same thing: addresses in system properties, and the broker's
 * and the database's stop and start as platform MBeans.
 */
public final class TestInfrastructure {

    private static final String BOOTSTRAP = "footing.test.kafka.bootstrap";
    private static final String DB_BASE_URL = "footing.test.db.base-url";
    private static final String KAFKA_CONTROL = "dev.footing:type=TestKafka";
    private static final String DATABASE_CONTROL = "dev.footing:type=TestDatabase";
    private static final String PARTITION_UNAVAILABLE = "footing.test.db.partition-unavailable";
    private static final String PARTITION_HEAL_HOOK = "footing.test.db.partition-heal-hook";
    private static final String KEYCLOAK_ISSUER = "footing.test.keycloak.issuer";
    private static final String CHOICE = "footing.test.infra.choice";
    private static final String DEFAULT_WEB_URL = "http://localhost:8083";

    private static final List<String> DATABASES = List.of("catalog", "session", "stats", "e2e");

    private TestInfrastructure() {
    }

    /** Bootstrap servers of the shared broker; starts broker and database on first call. */
    public static String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(BOOTSTRAP);
    }

    /** A JDBC URL for one database on the shared server. */
    public static String jdbcUrl(String database) {
        ensureStarted();
        return System.getProperty(DB_BASE_URL) + database;
    }

    /** {@code DB_USER} for an external server or a container (default {@code postgres}); always {@code postgres} for the embedded one. */
    public static String dbUser() {
        if (InfraChoice.current().database() == InfraChoice.Source.EMBEDDED) {
            return Postgres.USER;
        }
        return Optional.ofNullable(System.getenv("DB_USER")).orElse(Postgres.USER);
    }

    /** {@code DB_PASSWORD} for an external server or a container (default {@code postgres}); always {@code postgres} for the embedded one. */
    public static String dbPassword() {
        if (InfraChoice.current().database() == InfraChoice.Source.EMBEDDED) {
            return Postgres.PASSWORD;
        }
        return Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse(Postgres.PASSWORD);
    }

    /**
     * Where this JVM's broker and database come from and why, e.g.
     * {@code kafka=embedded, database=embedded (default: ... DOCKER_HOST not set)}; starts them on first call.
     */
    public static String infrastructure() {
        ensureStarted();
        return System.getProperty(CHOICE);
    }

    /**
     * The issuer of a real Keycloak with the {@code footing} realm, e.g.
     * {@code http://localhost:41234/realms/footing}: started on a free port on the first call in
     * this JVM (about 15 s; its log goes to {@code target/keycloak.log} of the working directory)
     * and stopped when the JVM exits. Later calls return the same one, whatever their
     * {@code webUrl}. With {@code OIDC_ISSUER} set, that provider is used and nothing is started.
     *
     * @param webUrl the dashboard's origin (e.g. {@code http://localhost:<stats port>}), where the
     *               realm's {@code footing-web} client may redirect after sign-in
     */
    public static String keycloakIssuer(String webUrl) {
        Properties shared = System.getProperties();
        synchronized (shared) {
            String running = shared.getProperty(KEYCLOAK_ISSUER);
            if (running != null) {
                return running;
            }
            String external = System.getenv("OIDC_ISSUER");
            if (external != null && !external.isBlank()) {
                shared.setProperty(KEYCLOAK_ISSUER, external);
                return external;
            }
            try {
                Path dir = Files.createTempDirectory("footing-keycloak-");
                Path target = Path.of("target");
                Path log = Files.isDirectory(target) ? target.resolve("keycloak.log") : dir.resolve("keycloak.log");
                KeycloakServer keycloak = new KeycloakServer(dir, FreePort.pick(), webUrl == null ? DEFAULT_WEB_URL : webUrl, log)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    keycloak.stop();
                    deleteQuietly(dir);
                }, "footing-test-keycloak-stop"));
                shared.setProperty(KEYCLOAK_ISSUER, keycloak.issuer());
                return keycloak.issuer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@link #keycloakIssuer(String)} with the default dashboard origin, {@code http://localhost:8083}. */
    public static String keycloakIssuer() {
        return keycloakIssuer(DEFAULT_WEB_URL);
    }

    /** An access token of a development user (password {@code footing}) from the test provider. */
    public static String accessToken(String user) {
        return Tokens.password(keycloakIssuer(), user);
    }

    /** Stops the shared broker, keeping its data: a Kafka outage. */
    public static void stopKafka() {
        control("stop");
    }

    /** Starts the shared broker again on the same port, with the data it had. */
    public static void startKafka() {
        control("start");
    }

    /**
     * False when the broker is external (KAFKA_BOOTSTRAP_SERVERS) or a Testcontainers one: tests of
     * an outage need our own, which restarts on the same port with its data.
     */
    public static boolean canStopKafka() {
        ensureStarted();
        return ManagementFactory.getPlatformMBeanServer().isRegistered(controlName());
    }

    /**
     * Kills the shared PostgreSQL (SIGKILL to every server process), keeping its data: a database
     * outage where connections are refused. {@link #startDatabase()} brings it back.
     */
    public static void stopDatabase() {
        databaseControl("stop");
    }

    /** Starts the shared PostgreSQL again on the same port, with its data (after crash recovery); returns when it accepts connections. */
    public static void startDatabase() {
        databaseControl("start");
    }

    /**
     * False when the database is external (DB_URL) or a Testcontainers one: tests of an outage
     * need our own, which restarts on the same port with its data.
     */
    public static boolean canStopDatabase() {
        ensureStarted();
        return ManagementFactory.getPlatformMBeanServer().isRegistered(objectName(DATABASE_CONTROL));
    }

    /**
     * Silently drops every packet to and from the database's port, on this machine, until
     * {@link #healDatabase()} (or the JVM's exit): a partition, where connections hang instead of
     * being refused. Needs {@link #canPartitionDatabase()}.
     */
    public static void partitionDatabase() {
        if (!canPartitionDatabase()) {
            throw new IllegalStateException("the database cannot be partitioned here: " + whyDatabaseCannotBePartitioned());
        }
        Properties shared = System.getProperties();
        synchronized (shared) {
            if (shared.getProperty(PARTITION_HEAL_HOOK) == null) {
                int port = databasePort();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> NetworkCut.heal(port), "footing-test-db-heal"));
                shared.setProperty(PARTITION_HEAL_HOOK, "registered");
            }
        }
        NetworkCut.cut(databasePort());
    }

    /** Ends the partition: packets to and from the database flow again. Harmless when there is none. */
    public static void healDatabase() {
        NetworkCut.heal(databasePort());
    }

    /**
     * True when nftables works here (the {@code nft} command, as root). Tests of a partition skip
     * otherwise, with {@link #whyDatabaseCannotBePartitioned()} as the reason; but on CI
     * ({@code CI=true}), which installs nftables, this throws instead, so that a broken setup
     * fails the build rather than skipping the tests quietly.
     */
    public static boolean canPartitionDatabase() {
        String why = whyDatabaseCannotBePartitioned();
        if (why.isEmpty()) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must be able to partition the test database, but " + why);
        }
        return false;
    }

    /** Why {@link #canPartitionDatabase()} is false, e.g. {@code nft not found: ...}; empty when it is true. */
    public static String whyDatabaseCannotBePartitioned() {
        Properties shared = System.getProperties();
        synchronized (shared) {
            String why = shared.getProperty(PARTITION_UNAVAILABLE);
            if (why == null) {
                why = Objects.requireNonNullElse(NetworkCut.whyNot(), "");
                shared.setProperty(PARTITION_UNAVAILABLE, why);
            }
            return why;
        }
    }

    /** The TCP port of the shared database server. */
    public static int databasePort() {
        ensureStarted();
        URI server = URI.create(System.getProperty(DB_BASE_URL).substring("jdbc:".length()));
        return server.getPort() == -1 ? 5432 : server.getPort();
    }

    private static void control(String operation) {
        if (!canStopKafka()) {
            throw new IllegalStateException("the broker is not our embedded one (" + System.getProperty(CHOICE)
                    + "): it cannot be stopped from a test");
        }
        invoke(KAFKA_CONTROL, operation, "the test broker");
    }

    private static void databaseControl(String operation) {
        if (!canStopDatabase()) {
            throw new IllegalStateException("the database is not our embedded one (" + System.getProperty(CHOICE)
                    + "): it cannot be stopped from a test");
        }
        invoke(DATABASE_CONTROL, operation, "the test database");
    }

    private static void invoke(String control, String operation, String what) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(objectName(control), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + " " + what, e);
        }
    }

    private static ObjectName controlName() {
        return objectName(KAFKA_CONTROL);
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureStarted() {
        Properties shared = System.getProperties();
        synchronized (shared) {
            if (shared.getProperty(BOOTSTRAP) != null) {
                return;
            }
            InfraChoice choice = InfraChoice.current();
            shared.setProperty(CHOICE, choice.toString());
            System.getLogger(TestInfrastructure.class.getName()).log(System.Logger.Level.INFO, "test infrastructure: " + choice);
            // ContainerInfra (and so Testcontainers) is loaded only on the TESTCONTAINERS branches.
            String bootstrap = switch (choice.kafka()) {
                case EXTERNAL -> System.getenv("KAFKA_BOOTSTRAP_SERVERS");
                case TESTCONTAINERS -> ContainerInfra.startKafka();
                case EMBEDDED -> {
                    KafkaBroker broker = startBroker();
                    registerControl(broker);
                    yield broker.bootstrapServers();
                }
            };
            shared.setProperty(BOOTSTRAP, bootstrap);
            String dbBaseUrl = switch (choice.database()) {
                case EXTERNAL -> {
                    // DB_URL names a server; each service uses its own database on it.
                    String externalDb = System.getenv("DB_URL");
                    yield externalDb.substring(0, externalDb.lastIndexOf('/') + 1);
                }
                case TESTCONTAINERS -> ContainerInfra.startPostgres(dbUser(), dbPassword(), DATABASES);
                case EMBEDDED -> startDatabaseServer();
            };
            shared.setProperty(DB_BASE_URL, dbBaseUrl);
            Topics.ensure(bootstrap, 6);
        }
    }

    /** Our own data directory (not zonky's throw-away one), so that a killed server starts again on the same data. */
    private static String startDatabaseServer() {
        try {
            Path dir = Files.createTempDirectory("footing-postgres-");
            Path dataDir = dir.resolve("data");
            Postgres postgres = Postgres.start(Optional.of(dataDir), FreePort.pick());
            postgres.createDatabases(DATABASES);
            DatabaseControl control = new DatabaseControl(postgres, dataDir);
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new StandardMBean(control, DatabaseControlMBean.class), objectName(DATABASE_CONTROL));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                control.close();
                deleteQuietly(dir);
            }, "footing-test-postgres-stop"));
            return postgres.jdbcUrl("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("could not register the test database control", e);
        }
    }

    private static void registerControl(KafkaBroker broker) {
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new StandardMBean(new KafkaControl(broker), KafkaControlMBean.class), controlName());
        } catch (JMException e) {
            throw new IllegalStateException("could not register the test broker control", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }

    private static KafkaBroker startBroker() {
        try {
            Path dir = Files.createTempDirectory("footing-kafka-");
            KafkaBroker broker = new KafkaBroker(dir.resolve("log"), FreePort.pick(), FreePort.pick(), "localhost");
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "footing-test-kafka-stop"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
