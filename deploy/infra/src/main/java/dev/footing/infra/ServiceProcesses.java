package dev.footing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The three packaged services ({@code <service>/target/quarkus-app/quarkus-run.jar}) run as child
 * processes on loopback: used by the local run and by the end-to-end tests.
 *
 * <p>Each service has two ports: its API ({@code QUARKUS_HTTP_PORT}) and its management
 * interface with health and metrics ({@code QUARKUS_MANAGEMENT_PORT}).
 */
public final class ServiceProcesses implements AutoCloseable {

    private static final String RUNNER_JAR = "quarkus-run.jar";
    private static final String CLASS_ARCHIVE = "app-cds.jsa";

    private final Path root;
    private final Path logDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    /** API ports as given, management ports free ones (tests, benchmarks). */
    public ServiceProcesses(Path root, Path logDir, int catalogPort, int sessionPort, int statsPort) {
        this(root, logDir, catalogPort, sessionPort, statsPort, FreePort.pick(), FreePort.pick(), FreePort.pick());
    }

    public ServiceProcesses(Path root, Path logDir, int catalogPort, int sessionPort, int statsPort,
            int catalogManagementPort, int sessionManagementPort, int statsManagementPort) {
        this.root = root;
        this.logDir = logDir;
        ports.put("catalog-service", catalogPort);
        ports.put("session-service", sessionPort);
        ports.put("stats-service", statsPort);
        managementPorts.put("catalog-service", catalogManagementPort);
        managementPorts.put("session-service", sessionManagementPort);
        managementPorts.put("stats-service", statsManagementPort);
        // The dashboard is served by stats-service: its origin is the one the browser pages use.
        environment.put("FOOTING_WEB_ORIGINS", "http://localhost:" + statsPort);
        // The training page, served by stats-service, calls these two from the browser.
        environment.put("CATALOG_PUBLIC_URL", "http://localhost:" + catalogPort);
        environment.put("SESSION_PUBLIC_URL", "http://localhost:" + sessionPort);
        if (!Files.exists(jvmOptions())) {
            throw new IllegalStateException(jvmOptions() + " is missing: the root must be the repository's");
        }
        for (String service : ports.keySet()) {
            if (!Files.exists(jarOf(service))) {
                throw new IllegalStateException(jarOf(service) + " is missing: build first with ./mvnw package -DskipTests");
            }
        }
    }

    public int catalogPort() {
        return ports.get("catalog-service");
    }

    public int sessionPort() {
        return ports.get("session-service");
    }

    public int statsPort() {
        return ports.get("stats-service");
    }

    public URI url(String service, String path) {
        return URI.create("http://localhost:" + ports.get(service) + path);
    }

    /** The management port (health, metrics) of a service or instance. */
    public int managementPort(String service) {
        return managementPorts.get(service);
    }

    /** A URL on the management interface, e.g. {@code managementUrl("stats-service", "/q/metrics")}. */
    public URI managementUrl(String service, String path) {
        return URI.create("http://localhost:" + managementPorts.get(service) + path);
    }

    /**
     * Sets an environment variable for every service and instance started after this call, e.g.
     * {@code OIDC_ISSUER}; an instance's own {@code extraEnv} still wins.
     */
    public ServiceProcesses environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** {@code OIDC_ISSUER} for every service started after this call. */
    public ServiceProcesses oidcIssuer(String issuer) {
        return environment("OIDC_ISSUER", issuer);
    }

    /** Starts every service; {@code jdbcUrl} maps a database name (catalog, session, stats) to its URL. */
    public void start(String kafkaBootstrapServers, Function<String, String> jdbcUrl, String dbUser, String dbPassword) {
        List.copyOf(ports.keySet()).forEach(service -> start(service, kafkaBootstrapServers, jdbcUrl, dbUser, dbPassword));
    }

    public void start(String service, String kafkaBootstrapServers, Function<String, String> jdbcUrl, String dbUser,
            String dbPassword) {
        startInstance(service, service, ports.get(service), Map.of(), kafkaBootstrapServers, jdbcUrl, dbUser, dbPassword);
    }

    /**
     * Starts one more instance of a service under its own name and port, e.g. a second
     * stats-service for scale-out tests; {@code extraEnv} adds or overrides its configuration.
     * Its management port is a free one unless {@code extraEnv} sets {@code QUARKUS_MANAGEMENT_PORT}.
     */
    public void startInstance(String instance, String service, int port, Map<String, String> extraEnv,
            String kafkaBootstrapServers, Function<String, String> jdbcUrl, String dbUser, String dbPassword) {
        ports.put(instance, port);
        int managementPort = extraEnv.containsKey("QUARKUS_MANAGEMENT_PORT")
                ? Integer.parseInt(extraEnv.get("QUARKUS_MANAGEMENT_PORT"))
                : managementPorts.containsKey(instance) && instance.equals(service) ? managementPorts.get(instance) : FreePort.pick();
        managementPorts.put(instance, managementPort);
        try {
            Files.createDirectories(logDir);
            // The images' JVM options (deploy/jvm-options), so the local run sizes as compose and Kubernetes do.
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "@" + jvmOptions().toAbsolutePath()));
            // The class archive the build made (AppCDS, common's microprofile-config.properties). It names
            // the jar as Quarkus ran it, relative to its directory, so the service runs from there too.
            if (Files.exists(classArchiveOf(service))) {
                command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
            }
            command.addAll(List.of("-jar", RUNNER_JAR));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(appDirOf(service).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(instance + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            env.put("DB_URL", jdbcUrl.apply(service.replace("-service", "")));
            env.put("DB_USER", dbUser);
            env.put("DB_PASSWORD", dbPassword);
            env.putAll(environment);
            env.putAll(extraEnv);
            processes.put(instance, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + instance, e);
        }
    }

    /** Waits until every started service answers 200 on /q/health/ready of its management port. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        for (Map.Entry<String, Process> entry : processes.entrySet()) {
            String service = entry.getKey();
            while (true) {
                if (!entry.getValue().isAlive()) {
                    throw new IllegalStateException(service + " exited; see " + logDir.resolve(service + ".log"));
                }
                if (isReady(http, service)) {
                    System.out.println("  " + service + " ready on port " + ports.get(service) + " (management "
                            + managementPorts.get(service) + ")");
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(service + " not ready after " + timeout + "; see "
                            + logDir.resolve(service + ".log"));
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
    }

    /** The operating-system process id of a running service, e.g. to read its memory use. */
    public long pid(String service) {
        return processes.get(service).pid();
    }

    /** Stops one service gracefully (SIGTERM), as an operator or a crash-free restart would. */
    public void stop(String service) {
        Process process = processes.remove(service);
        if (process != null) {
            stopGracefully(List.of(process));
        }
    }

    @Override
    public void close() {
        stopGracefully(new ArrayList<>(processes.values()));
        processes.clear();
    }

    private boolean isReady(HttpClient http, String service) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(managementUrl(service, "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void stopGracefully(List<Process> running) {
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** The java argument file with the JVM options every service runs with, here and in the images. */
    private Path jvmOptions() {
        return root.resolve("deploy/jvm-options");
    }

    private Path appDirOf(String service) {
        return root.resolve(service).resolve("target/quarkus-app");
    }

    private Path jarOf(String service) {
        return appDirOf(service).resolve(RUNNER_JAR);
    }

    private Path classArchiveOf(String service) {
        return appDirOf(service).resolve(CLASS_ARCHIVE);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
