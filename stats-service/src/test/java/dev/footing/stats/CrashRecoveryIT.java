package dev.footing.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FreePort;
import dev.footing.infra.TestInfrastructure;
import dev.footing.infra.TestTokens;
import dev.footing.stats.support.BulkLog;
import dev.footing.stats.support.WorkoutEvents;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged service as a real process on the real broker and database: killed with SIGKILL
 * while thousands of events are being applied (no shutdown hook, no last commit), then started
 * again. Every total is exact: what was applied but not committed to Kafka is redelivered and skipped.
 */
class CrashRecoveryIT {

    private static final int USERS = 4;
    private static final int SETS_PER_USER = 1000;

    @Test
    void killedMidStreamAndRestartedTheTotalsAreExact() throws Exception {
        int port = FreePort.pick();
        int managementPort = FreePort.pick();
        List<String> users = new ArrayList<>();
        List<BulkLog> logs = new ArrayList<>();
        List<ProducerRecord<String, String>> all = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String user = "crash" + i + "-" + System.nanoTime();
            BulkLog log = new BulkLog(user, SETS_PER_USER);
            users.add(user);
            logs.add(log);
            all.addAll(log.records);
        }
        // Everything is on the topic before the service starts, so it is busy from its first poll on.
        WorkoutEvents.send(all);
        Process app = start(port, managementPort, 1);
        try {
            // Straight from the database (faster than HTTP); ignoring errors until Flyway has created the table.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
                    .until(() -> applied(port, users, true) > 0);
            app.destroyForcibly().waitFor();
            long appliedAtKill = applied(port, users, true);
            assertThat(appliedAtKill).isPositive();
            // Plain stdout: the figure belongs in the build output.
            System.out.printf("CrashRecoveryIT: killed the service after it applied %d of %d events%n", appliedAtKill, all.size());

            app = start(port, managementPort, 2);
            awaitReady(managementPort, app);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> applied(port, users) == all.size());
            for (int i = 0; i < USERS; i++) {
                BulkLog log = logs.get(i);
                JsonPath summary = asOwner(users.get(i)).port(port).get("/api/users/{u}/summary", users.get(i)).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(summary.getLong("eventsApplied")).isEqualTo(log.records.size());
                assertThat(summary.getLong("allTime.sets")).isEqualTo(log.sets);
                assertThat(summary.getLong("allTime.reps")).isEqualTo(log.reps);
                assertThat(summary.getDouble("allTime.loadVolumeKg")).isEqualTo(log.loadVolumeKg.doubleValue());
                assertThat(summary.getLong("allTime.activeDays")).isEqualTo(log.activeDays.size());
            }
        } finally {
            app.destroy();
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static Process start(int port, int managementPort, int run) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", System.getProperty("stats.app.jar"));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrapServers());
        builder.environment().put("DB_URL", TestInfrastructure.jdbcUrl("stats"));
        builder.environment().put("DB_USER", TestInfrastructure.dbUser());
        builder.environment().put("DB_PASSWORD", TestInfrastructure.dbPassword());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        trustTestTokens(builder.environment());
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File(System.getProperty("stats.app.log-dir", "target"), "crash-recovery-app-" + run + ".log"));
        return builder.start();
    }

    /**
     * The packaged service runs in its prod profile, whose issuer URL would make it fetch keys from a
     * Keycloak. Quarkus OIDC uses a configured public key only when no issuer URL is set, so the URL is
     * blanked and the test tokens' key and issuer are given instead: the process checks real signatures.
     */
    private static void trustTestTokens(Map<String, String> environment) {
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        environment.put("QUARKUS_OIDC_PUBLIC_KEY", testPublicKey());
        environment.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
        environment.put("OIDC_AUDIENCE", TestTokens.AUDIENCE);
        environment.remove("OIDC_ISSUER");
    }

    private static String testPublicKey() {
        try (InputStream pem = TestTokens.class.getResourceAsStream("test-token-public-key.pem")) {
            return new String(pem.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification asOwner(String user) {
        return given().auth().oauth2(TestTokens.athlete(user));
    }

    private static void awaitReady(int managementPort, Process app) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            assertThat(app.isAlive()).as("the service process is running").isTrue();
            return given().port(managementPort).get("/q/health/ready").statusCode() == 200;
        });
    }

    private static long applied(int port, List<String> users) {
        return applied(port, users, false);
    }

    /** Reads the count from the database after a kill, when no service answers. */
    private static long applied(int port, List<String> users, boolean fromDatabase) {
        if (fromDatabase) {
            try (var db = java.sql.DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"),
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
                    var count = db.prepareStatement("SELECT count(*) FROM applied_event WHERE user_id = ANY (?)")) {
                count.setArray(1, db.createArrayOf("varchar", users.toArray()));
                try (var rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return users.stream().mapToLong(u -> asOwner(u).port(port).get("/api/users/{u}/summary", u).then().statusCode(200)
                .extract().jsonPath().getLong("eventsApplied")).sum();
    }
}
