package dev.footing.infra;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared real broker and database of {@link TestInfrastructure},
 * and makes it trust the access tokens of {@link TestTokens}.
 * Apply it with {@code @WithTestResource(value = FootingTestResource.class, scope = GLOBAL,
 * initArgs = @ResourceArg(name = "database", value = "catalog"))}.
 */
public class FootingTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "footing";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestTokens.serviceConfig());
        config.put("kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers());
        config.put("quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", TestInfrastructure.dbUser());
        config.put("quarkus.datasource.password", TestInfrastructure.dbPassword());
        return config;
    }

    @Override
    public void stop() {
        // The broker and database outlive this resource: they are shared by the whole test JVM.
    }
}
