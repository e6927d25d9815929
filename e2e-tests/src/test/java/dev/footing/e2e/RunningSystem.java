package dev.footing.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.footing.infra.FreePort;
import dev.footing.infra.ServiceProcesses;
import dev.footing.infra.TestInfrastructure;
import dev.footing.infra.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The whole system for the end-to-end tests, started once per test JVM: the real broker,
 * database and Keycloak of {@link TestInfrastructure} and the three packaged services as child
 * processes that trust that Keycloak.
 */
final class RunningSystem {

    /** A token is fetched again when it has less than this left (Keycloak's lifespan is 15 minutes). */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static ServiceProcesses services;
    private static String issuer;

    private RunningSystem() {
    }

    static synchronized ServiceProcesses get() {
        if (services == null) {
            Path root = Path.of(System.getProperty("footing.root", "..")).toAbsolutePath().normalize();
            // The ports come first: the realm's footing-web client accepts redirects to the
            // dashboard's origin only, so Keycloak must know the stats-service port before it starts.
            int catalogPort = FreePort.pick();
            int sessionPort = FreePort.pick();
            int statsPort = FreePort.pick();
            String oidcIssuer = TestInfrastructure.keycloakIssuer("http://localhost:" + statsPort);
            ServiceProcesses started = new ServiceProcesses(root, root.resolve("e2e-tests/target/service-logs"),
                    catalogPort, sessionPort, statsPort).oidcIssuer(oidcIssuer);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "footing-e2e-services-stop"));
            started.start(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure::jdbcUrl,
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
            try {
                started.awaitReady(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            issuer = oidcIssuer;
            services = started;
        }
        return services;
    }

    /** The issuer every service trusts, e.g. {@code http://localhost:41234/realms/footing}. */
    static String issuer() {
        get();
        return issuer;
    }

    /**
     * A real access token of a development user (password {@code footing}) from Keycloak's token
     * endpoint, by password grant on {@code footing-cli}; reused while it has a minute left.
     */
    static String token(String user) {
        return TOKENS.compute(user, (name, cached) -> cached != null && cached.validFor(TOKEN_MARGIN)
                ? cached : CachedToken.of(Tokens.password(issuer(), name))).jwt();
    }

    /** A request as {@code user} would send it: with their bearer token. */
    static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(token(user));
    }

    static String catalog(String path) {
        return get().url("catalog-service", path).toString();
    }

    static String session(String path) {
        return get().url("session-service", path).toString();
    }

    static String stats(String path) {
        return get().url("stats-service", path).toString();
    }

    private record CachedToken(String jwt, Instant expiresAt) {

        static CachedToken of(String jwt) {
            return new CachedToken(jwt, Instant.ofEpochSecond(Tokens.claims(jwt).path("exp").asLong()));
        }

        boolean validFor(Duration margin) {
            return Instant.now().plus(margin).isBefore(expiresAt);
        }
    }
}
