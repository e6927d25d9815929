package dev.footing.e2e;

import java.nio.file.Path;
import java.time.Duration;

import dev.footing.infra.FreePort;
import dev.footing.infra.ServiceProcesses;
import dev.footing.infra.TestInfrastructure;

/**
 * The whole system for the end-to-end tests, started once per test JVM: the real broker and
 * database of {@link TestInfrastructure} and the three packaged services as child processes.
 */
final class RunningSystem {

    private static ServiceProcesses services;

    private RunningSystem() {
    }

    static synchronized ServiceProcesses get() {
        if (services == null) {
            Path root = Path.of(System.getProperty("footing.root", "..")).toAbsolutePath().normalize();
            ServiceProcesses started = new ServiceProcesses(root, root.resolve("e2e-tests/target/service-logs"),
                    FreePort.pick(), FreePort.pick(), FreePort.pick());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "footing-e2e-services-stop"));
            started.start(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure::jdbcUrl,
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
            try {
                started.awaitReady(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            services = started;
        }
        return services;
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

}
