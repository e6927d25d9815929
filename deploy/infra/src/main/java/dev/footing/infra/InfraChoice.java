package dev.footing.infra;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the tests' broker and database come from: a pure decision from the environment and the
 * system properties, started by nobody here ({@link TestInfrastructure} acts on it).
 *
 * <p>Asked for with {@code -Dfooting.infra=...} or, when that is absent, {@code FOOTING_INFRA=...}:
 * <ul>
 * <li>{@code embedded}: our own in-process Kafka and zonky PostgreSQL, whatever else is set;</li>
 * <li>{@code testcontainers}: Testcontainers' Kafka and PostgreSQL modules (needs a Docker engine),
 *     whatever else is set;</li>
 * <li>absent, blank or {@code auto}: for each of the two, an external one when
 *     {@code KAFKA_BOOTSTRAP_SERVERS} (resp. {@code DB_URL}) is set, else Testcontainers when
 *     {@code DOCKER_HOST} is set, else embedded.</li>
 * </ul>
 * Any other value is refused, so a typo never silently falls back to something else.
 *
 * <p>Our build machines and CI have no Docker engine and no {@code DOCKER_HOST}: there the default
 * is embedded, exactly as before this choice existed.
 *
 * @param kafka    where the broker comes from
 * @param database where the database server comes from
 * @param reason   one line saying why, for the log and for error messages
 */
public record InfraChoice(Source kafka, Source database, String reason) {

    public static final String PROPERTY = "footing.infra";
    public static final String ENV = "FOOTING_INFRA";

    /** Where one piece of infrastructure comes from. */
    public enum Source {
        /** Started in this JVM (Kafka) or as a child process (PostgreSQL) by deploy/infra. */
        EMBEDDED,
        /** Started in Docker by Testcontainers. */
        TESTCONTAINERS,
        /** Given by KAFKA_BOOTSTRAP_SERVERS or DB_URL; nothing is started. */
        EXTERNAL
    }

    public static InfraChoice decide(Map<String, String> env, Properties sysProps) {
        String fromProperty = blankToNull(sysProps.getProperty(PROPERTY));
        String requested = fromProperty != null ? fromProperty : blankToNull(env.get(ENV));
        String origin = fromProperty != null ? "-D" + PROPERTY : ENV;
        if (requested != null) {
            switch (requested.toLowerCase(Locale.ROOT)) {
                case "embedded":
                    return new InfraChoice(Source.EMBEDDED, Source.EMBEDDED, origin + "=" + requested);
                case "testcontainers":
                    return new InfraChoice(Source.TESTCONTAINERS, Source.TESTCONTAINERS, origin + "=" + requested);
                case "auto":
                    break;
                default:
                    throw new IllegalArgumentException(origin + "=" + requested
                            + ": expected embedded, testcontainers or auto");
            }
        }
        boolean docker = blankToNull(env.get("DOCKER_HOST")) != null;
        Source kafka = byDefault(env, "KAFKA_BOOTSTRAP_SERVERS", docker);
        Source database = byDefault(env, "DB_URL", docker);
        return new InfraChoice(kafka, database, "default: KAFKA_BOOTSTRAP_SERVERS " + setOrNot(env, "KAFKA_BOOTSTRAP_SERVERS")
                + ", DB_URL " + setOrNot(env, "DB_URL") + ", DOCKER_HOST " + (docker ? "set" : "not set"));
    }

    /** The decision for this JVM: {@link System#getenv()} and {@link System#getProperties()}. */
    public static InfraChoice current() {
        return decide(System.getenv(), System.getProperties());
    }

    private static Source byDefault(Map<String, String> env, String external, boolean docker) {
        if (blankToNull(env.get(external)) != null) {
            return Source.EXTERNAL;
        }
        return docker ? Source.TESTCONTAINERS : Source.EMBEDDED;
    }

    private static String setOrNot(Map<String, String> env, String name) {
        return blankToNull(env.get(name)) != null ? "set" : "not set";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "kafka=" + kafka.name().toLowerCase(Locale.ROOT) + ", database=" + database.name().toLowerCase(Locale.ROOT)
                + " (" + reason + ")";
    }
}
