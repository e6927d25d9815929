package dev.footing.infra;

import static dev.footing.infra.InfraChoice.Source.EMBEDDED;
import static dev.footing.infra.InfraChoice.Source.EXTERNAL;
import static dev.footing.infra.InfraChoice.Source.TESTCONTAINERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table of {@link InfraChoice}. Columns: the {@code footing.infra} system property,
 * then the environment ({@code FOOTING_INFRA}, {@code DOCKER_HOST}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code DB_URL}); an empty cell is unset, {@code _} is set but blank. Then the expected sources.
 */
class InfraChoiceTest {

    @ParameterizedTest(name = "-D={0} FOOTING_INFRA={1} DOCKER_HOST={2} KAFKA={3} DB_URL={4} -> kafka {5}, database {6}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            # -D             | FOOTING_INFRA  | DOCKER_HOST | KAFKA_BOOTSTRAP | DB_URL         | kafka          | database
            # Nothing set: this machine and CI, exactly as before.
                             |                |             |                 |                | EMBEDDED       | EMBEDDED
                             |                | _           | _               | _              | EMBEDDED       | EMBEDDED
            # External ones, today's behaviour, each on its own.
                             |                |             | k:9092          | jdbc:pg://h/db | EXTERNAL       | EXTERNAL
                             |                |             | k:9092          |                | EXTERNAL       | EMBEDDED
                             |                |             |                 | jdbc:pg://h/db | EMBEDDED       | EXTERNAL
            # A Docker engine: Testcontainers for what is not external.
                             |                | unix:///d   |                 |                | TESTCONTAINERS | TESTCONTAINERS
                             |                | unix:///d   | k:9092          | jdbc:pg://h/db | EXTERNAL       | EXTERNAL
                             |                | unix:///d   | k:9092          |                | EXTERNAL       | TESTCONTAINERS
                             |                | unix:///d   |                 | jdbc:pg://h/db | TESTCONTAINERS | EXTERNAL
            # auto is the default, said explicitly.
            auto             |                | unix:///d   |                 |                | TESTCONTAINERS | TESTCONTAINERS
                             | AUTO           |             | k:9092          |                | EXTERNAL       | EMBEDDED
            # Asked for explicitly: wins over everything else.
            testcontainers   |                |             |                 |                | TESTCONTAINERS | TESTCONTAINERS
            testcontainers   |                |             | k:9092          | jdbc:pg://h/db | TESTCONTAINERS | TESTCONTAINERS
                             | testcontainers |             |                 |                | TESTCONTAINERS | TESTCONTAINERS
                             | TestContainers |             |                 |                | TESTCONTAINERS | TESTCONTAINERS
            embedded         |                | unix:///d   |                 |                | EMBEDDED       | EMBEDDED
            embedded         |                | unix:///d   | k:9092          | jdbc:pg://h/db | EMBEDDED       | EMBEDDED
                             | embedded       | unix:///d   |                 |                | EMBEDDED       | EMBEDDED
            ' embedded '     |                | unix:///d   |                 |                | EMBEDDED       | EMBEDDED
            # The system property wins over the environment variable; a blank one does not count.
            embedded         | testcontainers |             |                 |                | EMBEDDED       | EMBEDDED
            testcontainers   | embedded       |             |                 |                | TESTCONTAINERS | TESTCONTAINERS
            ' '              | embedded       | unix:///d   |                 |                | EMBEDDED       | EMBEDDED
            """)
    void decides(String property, String footingInfra, String dockerHost, String kafka, String dbUrl,
            InfraChoice.Source expectedKafka, InfraChoice.Source expectedDatabase) {
        InfraChoice choice = InfraChoice.decide(env(footingInfra, dockerHost, kafka, dbUrl), props(property));

        assertEquals(expectedKafka, choice.kafka(), choice.toString());
        assertEquals(expectedDatabase, choice.database(), choice.toString());
        assertTrue(!choice.reason().isBlank());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            docker   |
                     | containers
            external |
            """)
    void refusesAnUnknownValueRatherThanFallingBack(String property, String footingInfra) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InfraChoice.decide(env(footingInfra, "unix:///d", null, null), props(property)));
        assertTrue(e.getMessage().contains("expected embedded, testcontainers or auto"), e.getMessage());
    }

    private static Map<String, String> env(String footingInfra, String dockerHost, String kafka, String dbUrl) {
        Map<String, String> env = new HashMap<>();
        put(env, InfraChoice.ENV, footingInfra);
        put(env, "DOCKER_HOST", dockerHost);
        put(env, "KAFKA_BOOTSTRAP_SERVERS", kafka);
        put(env, "DB_URL", dbUrl);
        return env;
    }

    private static Properties props(String property) {
        Properties props = new Properties();
        if (property != null) {
            props.setProperty(InfraChoice.PROPERTY, property);
        }
        return props;
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, "_".equals(value) ? " " : value);
        }
    }
}
