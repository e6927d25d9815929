package dev.footing.infra;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The "embedded default": a real Kafka broker, a real PostgreSQL, a real Keycloak and the three
 * packaged services on loopback, data kept under {@code .footing-data/} between runs; Ctrl-C
 * stops everything.
 *
 * <p>With {@code OIDC_ISSUER} set, the services use that provider and no Keycloak is started.
 */
public final class LocalSystem {

    private LocalSystem() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("footing.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(LocalInfra.env("FOOTING_DATA_DIR", ".footing-data"));
        ServiceProcesses services = new ServiceProcesses(root, dataDir.resolve("logs"),
                port("CATALOG_PORT", 8081), port("SESSION_PORT", 8082), port("STATS_PORT", 8083),
                port("CATALOG_MANAGEMENT_PORT", 9001), port("SESSION_MANAGEMENT_PORT", 9002), port("STATS_MANAGEMENT_PORT", 9003));
        String webUrl = "http://localhost:" + services.statsPort();
        String externalIssuer = LocalInfra.env("OIDC_ISSUER", "");
        KeycloakServer keycloak = externalIssuer.isEmpty()
                ? LocalInfra.keycloak(dataDir, port("KEYCLOAK_PORT", 8180), webUrl)
                : null;

        System.out.println("Starting Kafka, PostgreSQL" + (keycloak == null ? "" : " and Keycloak") + " (data in " + dataDir + ")...");
        LocalInfra infra = LocalInfra.start(dataDir, port("KAFKA_PORT", 9092), port("POSTGRES_PORT", 5432), keycloak);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the services, Kafka, PostgreSQL and Keycloak...");
            services.close();
            infra.close();
            stopped.countDown();
        }, "footing-local-stop"));

        String issuer = keycloak == null ? externalIssuer : keycloak.issuer();
        services.oidcIssuer(issuer).environment("FOOTING_WEB_ORIGINS", webUrl);
        services.start(infra.kafkaBootstrapServers(), infra::jdbcUrl, Postgres.USER, Postgres.PASSWORD);
        services.awaitReady(Duration.ofMinutes(3));
        System.out.printf("""

                Footing is up.
                  Dashboard        http://localhost:%3$d/
                  Catalog API      http://localhost:%1$d/api/exercises      Swagger UI http://localhost:%1$d/q/swagger-ui
                  Session API      http://localhost:%2$d/api/sessions       Swagger UI http://localhost:%2$d/q/swagger-ui
                  Stats API        http://localhost:%3$d/api/users/me/summary   Swagger UI http://localhost:%3$d/q/swagger-ui
                  Health, metrics  http://localhost:{%10$d,%11$d,%12$d}/q/health  /q/metrics
                  Kafka            %4$s
                  PostgreSQL       %5$s  (user %6$s, password %7$s)
                  Logs             %8$s
                """, services.catalogPort(), services.sessionPort(), services.statsPort(), infra.kafkaBootstrapServers(),
                infra.jdbcUrl("{catalog,session,stats}"), Postgres.USER, Postgres.PASSWORD, dataDir.resolve("logs"), dataDir,
                services.managementPort("catalog-service"), services.managementPort("session-service"),
                services.managementPort("stats-service"));
        if (keycloak != null) {
            System.out.printf("""
                      Keycloak         %1$s   (issuer %2$s)
                      Admin console    %3$s   (user %4$s, password %5$s; development only)
                      Users            demo-ana, demo-ben, demo-chen (athletes), coach-kim (coach), admin (admin);
                                       password "%6$s" for all: DEVELOPMENT CREDENTIALS, never use them anywhere else
                      A token          curl -s -d grant_type=password -d client_id=%7$s -d username=demo-ana -d password=%6$s %8$s | jq -r .access_token
                    """, keycloak.baseUrl(), keycloak.issuer(), keycloak.adminConsole(), KeycloakServer.CONSOLE_ADMIN,
                    KeycloakServer.CONSOLE_PASSWORD, Tokens.DEV_PASSWORD, Tokens.CLI_CLIENT, keycloak.tokenEndpoint());
        } else {
            System.out.println("  Identity         " + issuer + " (OIDC_ISSUER)");
        }
        System.out.println("Ctrl-C stops everything; the data stays in " + dataDir + ".");
        if (Boolean.parseBoolean(System.getProperty("footing.demo", LocalInfra.env("FOOTING_DEMO", "false")))) {
            System.out.println("Loading demo data through session-service as demo-ana, demo-ben and demo-chen...");
            new DemoData(services.url("catalog-service", "/"), services.url("session-service", "/"),
                    services.url("stats-service", "/"), issuer, Clock.systemUTC()).load();
        }
        stopped.await();
    }

    private static int port(String env, int fallback) {
        return Integer.parseInt(LocalInfra.env(env, String.valueOf(fallback)));
    }
}
