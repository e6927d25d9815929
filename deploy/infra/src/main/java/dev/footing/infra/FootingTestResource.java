package dev.footing.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared real broker and database of {@link TestInfrastructure}.
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
        return Map.of(
                "kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", TestInfrastructure.jdbcUrl(database),
                "quarkus.datasource.username", TestInfrastructure.dbUser(),
                "quarkus.datasource.password", TestInfrastructure.dbPassword());
    }

    @Override
    public void stop() {
        // The broker and database outlive this resource: they are shared by the whole test JVM.
    }
}
