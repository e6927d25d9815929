package dev.footing.infra;

import static dev.footing.infra.DeployRules.list;
import static dev.footing.infra.DeployRules.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code deploy/} promises an operator, checked on every build rather than by eye: least
 * privilege, sized resources, restricted Pod Security, probes on the management port, graceful
 * shutdown, pinned images, secrets from outside. Parses the files only (fast; no Docker, no
 * cluster). CI also resolves the compose file with docker-compose ({@code .ci/run}).
 */
class DeployFilesTest {

    static final Path ROOT = repositoryRoot();
    static final List<String> SERVICES = List.of("catalog-service", "session-service", "stats-service");
    /** superuser_reserved_connections, and a margin for operators, Keycloak's pool or the setup Job. */
    static final int RESERVED_CONNECTIONS = 3;
    static final int OPERATOR_CONNECTIONS = 10;

    @Test
    void composeKeepsInternalPortsLocalSecretsRequiredAndEveryServiceLimitedAndChecked() throws IOException {
        assertEquals(List.of(), DeployRules.composeServices(compose()));
    }

    @Test
    void composePassesEveryVariableAServiceReads() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        Set<String> shared = DeployRules.variablesRead(read("common/src/main/resources/META-INF/microprofile-config.properties"));
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> read = new TreeSet<>(shared);
            read.addAll(DeployRules.variablesRead(read(service + "/src/main/resources/application.properties")));
            Set<String> passed = map(map(services.get(service)).get("environment")).keySet();
            read.stream().filter(name -> !passed.contains(name)).forEach(name -> missing.add(service + ": " + name));
        }
        assertEquals(List.of(), missing, "variables the services read that compose does not pass");
    }

    @Test
    void composeSizesPostgresForEveryPool() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        String command = String.join(" ", list(map(services.get("postgres")).get("command")).stream().map(String::valueOf).toList());
        int maxConnections = defaultOf(command, "max_connections=");
        int pools = 0;
        for (String service : SERVICES) {
            pools += defaultOf(String.valueOf(map(map(services.get(service)).get("environment")).get("DB_POOL_MAX_SIZE")), "");
        }
        int keycloak = Integer.parseInt(String.valueOf(map(map(services.get("keycloak")).get("environment")).get("KC_DB_POOL_MAX_SIZE")));
        assertTrue(pools + keycloak + RESERVED_CONNECTIONS + OPERATOR_CONNECTIONS <= maxConnections,
                "pools " + pools + " + keycloak " + keycloak + " exceed max_connections " + maxConnections);
    }

    @Test
    void kubernetesPodsAreRestrictedLimitedProbedOnTheManagementPortAndStopGracefully() throws IOException {
        long heap = heapMib();
        List<String> violations = new ArrayList<>();
        Set<String> deployments = new TreeSet<>();
        Set<String> budgets = new TreeSet<>();
        for (Map<String, Object> object : kubernetes()) {
            String kind = String.valueOf(object.get("kind"));
            Map<String, Object> metadata = map(object.get("metadata"));
            if (!kind.equals("Namespace") && !"footing".equals(metadata.get("namespace"))) {
                violations.add(kind + " " + metadata.get("name") + ": not in the namespace footing");
            }
            switch (kind) {
                case "Secret" -> violations.add("Secret " + metadata.get("name") + ": secrets are created outside the manifests");
                case "Deployment" -> {
                    deployments.add(String.valueOf(metadata.get("name")));
                    violations.addAll(DeployRules.serviceDeployment(object, heap));
                }
                case "Job" -> violations.addAll(DeployRules.podTemplate("Job " + metadata.get("name"),
                        map(map(map(object.get("spec")).get("template")).get("spec"))));
                case "PodDisruptionBudget" -> budgets.add(String.valueOf(metadata.get("name")));
                case "Service" -> list(map(object.get("spec")).get("ports")).forEach(p -> {
                    if (!"http".equals(map(p).get("targetPort"))) {
                        violations.add("Service " + metadata.get("name") + ": exposes a port other than http");
                    }
                });
                case "Namespace" -> {
                    if (!"restricted".equals(map(metadata.get("labels")).get("pod-security.kubernetes.io/enforce"))) {
                        violations.add("Namespace " + metadata.get("name") + ": does not enforce the restricted Pod Security level");
                    }
                }
                default -> { }
            }
        }
        assertEquals(List.of(), violations);
        assertEquals(new TreeSet<>(SERVICES), deployments);
        assertEquals(deployments, budgets, "a PodDisruptionBudget per Deployment");
    }

    @Test
    void kubernetesImagesAreOurServicesAtTheProjectVersion() throws IOException {
        String version = projectVersion();
        for (Map<String, Object> object : kubernetes()) {
            if ("Deployment".equals(object.get("kind"))) {
                String name = String.valueOf(map(object.get("metadata")).get("name"));
                Object container = list(map(map(map(object.get("spec")).get("template")).get("spec")).get("containers")).get(0);
                assertEquals("footing/" + name + ":" + version, map(container).get("image"));
            }
        }
        Map<String, Object> services = map(compose().get("services"));
        for (String service : SERVICES) {
            assertEquals("footing/" + service + ":${FOOTING_VERSION:-" + version + "}", map(services.get(service)).get("image"));
        }
    }

    @Test
    void kubernetesConnectionsFitPostgres() throws IOException {
        Map<String, Object> config = kubernetes().stream()
                .filter(o -> "ConfigMap".equals(o.get("kind")) && "footing-config".equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow();
        int maxConnections = Integer.parseInt(String.valueOf(
                map(map(config.get("metadata")).get("annotations")).get("footing.dev/postgres-max-connections")));
        int pool = Integer.parseInt(String.valueOf(map(config.get("data")).get("DB_POOL_MAX_SIZE")));
        int pods = 0;
        for (Map<String, Object> object : kubernetes()) {
            if ("Deployment".equals(object.get("kind"))) {
                Map<String, Object> spec = map(object.get("spec"));
                Object surge = map(map(spec.get("strategy")).get("rollingUpdate")).getOrDefault("maxSurge", 1);
                pods += ((Number) spec.get("replicas")).intValue() + ((Number) surge).intValue();
            }
        }
        assertTrue(pool * pods + RESERVED_CONNECTIONS + OPERATOR_CONNECTIONS <= maxConnections,
                pool + " x " + pods + " pods exceed max_connections " + maxConnections);
    }

    @Test
    void imagesResolveDependenciesBeforeSourcesPinTheirBaseAndRunTheSharedJvmOptions() throws IOException {
        Set<String> bases = new TreeSet<>();
        for (String service : SERVICES) {
            String dockerfile = read(service + "/Dockerfile");
            Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
            while (from.find()) {
                assertTrue(DeployRules.pinned(from.group(1)), service + ": base image " + from.group(1) + " is not pinned");
                bases.add(from.group(1));
            }
            int resolve = dockerfile.indexOf("dependency:go-offline");
            int sources = dockerfile.indexOf("COPY " + service + "/src");
            assertTrue(resolve > 0 && sources > resolve, service + ": dependencies are not resolved before the sources are copied");
            assertTrue(dockerfile.contains("--mount=type=cache,target=/root/.m2"), service + ": no Maven cache mount");
            assertTrue(dockerfile.contains("COPY deploy/jvm-options /app/jvm-options")
                    && dockerfile.contains("java @/app/jvm-options"), service + ": does not run with deploy/jvm-options");
            // The class archive is made by the image's own JVM and used by the service (docs/operations.md).
            assertTrue(dockerfile.contains("-XX:ArchiveClassesAtExit=app-cds.jsa")
                    && dockerfile.contains("-XX:SharedArchiveFile=app-cds.jsa"), service + ": does not make and use its class archive");
        }
        assertEquals(2, bases.size(), "the three Dockerfiles share one JDK and one JRE image: " + bases);
    }

    @Test
    void theJvmOptionsExitOnOutOfMemoryGiveFreedMemoryBackAndFitTheContainers() throws IOException {
        String options = read("deploy/jvm-options");
        assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"));
        // Without it, the C2 compiler's freed scratch memory stays resident (docs/operations.md).
        assertTrue(Pattern.compile("(?m)^-XX:TrimNativeHeapInterval=[1-9]").matcher(options).find(),
                "deploy/jvm-options does not trim the native heap");
        long heap = heapMib();
        // About 190 MiB of a service's resident memory is not heap (class metadata, JIT code, symbols).
        assertTrue(heap <= 96, "the heap of a 250 MiB budget: " + heap + " MiB");
        for (Object s : map(compose().get("services")).entrySet().stream()
                .filter(e -> SERVICES.contains(e.getKey())).map(Map.Entry::getValue).toList()) {
            assertTrue(DeployRules.mebibytes(map(s).get("mem_limit")) >= 2 * heap, "compose memory limit below twice the heap");
        }
    }

    @Test
    void noPlaceholderPasswordOrFloatingTagAnywhereInDeploy() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy"))) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|sh|json|properties)$") || f.endsWith("jvm-options"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/src/test/")).toList()) {
                String text = Files.readString(file);
                if (text.contains("change-me")) {
                    found.add(ROOT.relativize(file) + ": change-me");
                }
                if (Pattern.compile("image: \\S+:latest").matcher(text).find()) {
                    found.add(ROOT.relativize(file) + ": an image tagged latest");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void scriptsKeepUnixLineEndings() throws IOException {
        String attributes = read(".gitattributes");
        assertTrue(attributes.contains("mvnw text eol=lf") && attributes.contains("*.sh text eol=lf"));
    }

    // ---- the rules bite: broken examples ---------------------------------------------------

    @Test
    void theRulesCatchAnOpenKafkaPortALiteralPasswordAndAFloatingImage() {
        Map<String, Object> compose = yaml("""
                services:
                  kafka:
                    image: apache/kafka:latest
                    ports: ["29092:29092"]
                    mem_limit: 1g
                    logging: {driver: json-file}
                    healthcheck: {test: ["CMD", "true"]}
                    environment:
                      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-footing}
                """);
        assertEquals(List.of(
                "kafka: port 29092:29092 is published on every interface",
                "kafka: image apache/kafka:latest is not pinned to a version",
                "kafka: POSTGRES_PASSWORD is not a required variable (${NAME:?...})"), DeployRules.composeServices(compose));
    }

    @Test
    void theRulesCatchAPodWithoutSecurityContextLimitsOrManagementProbes() {
        Map<String, Object> deployment = yaml("""
                metadata: {name: demo}
                spec:
                  template:
                    spec:
                      containers:
                        - name: demo
                          image: footing/demo:latest
                          ports: [{containerPort: 8081, name: http}]
                          readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                """);
        List<String> violations = DeployRules.serviceDeployment(deployment, 128);
        assertTrue(violations.contains("Deployment demo: pod securityContext.runAsNonRoot is not true"), violations::toString);
        assertTrue(violations.contains("Deployment demo/demo: readOnlyRootFilesystem is not true"), violations::toString);
        assertTrue(violations.contains("Deployment demo/demo: no memory request and limit"), violations::toString);
        assertTrue(violations.contains("Deployment demo/demo: image footing/demo:latest is not pinned to a version"), violations::toString);
        assertTrue(violations.contains("demo: readinessProbe is not an HTTP probe on the management port"), violations::toString);
        assertTrue(violations.contains("demo: no preStop hook"), violations::toString);
    }

    @Test
    void variablesReadAreTheEnvironmentNamesOutsideCommentsAndTestProfiles() {
        assertEquals(Set.of("OUTBOX_BATCH_SIZE", "OIDC_PUBLIC_URL", "OIDC_ISSUER"), DeployRules.variablesRead("""
                # ${COMMENTED:1}
                footing.outbox.batch-size=${OUTBOX_BATCH_SIZE:500}
                %test.footing.x=${TEST_ONLY:1}
                footing.url=${OIDC_PUBLIC_URL:${OIDC_ISSUER:http://localhost}}
                footing.y=${quarkus.uuid}
                """));
    }

    // ---- reading the files ------------------------------------------------------------------

    static Map<String, Object> compose() throws IOException {
        return yaml(read("deploy/docker-compose.yml"));
    }

    static List<Map<String, Object>> kubernetes() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String file : List.of("namespace.yaml", "setup.yaml", "footing.yaml")) {
            for (Object document : new Yaml().loadAll(read("deploy/k8s/" + file))) {
                if (document != null) {
                    objects.add(map(document));
                }
            }
        }
        return objects;
    }

    static long heapMib() throws IOException {
        Matcher xmx = Pattern.compile("(?m)^-Xmx(\\S+)").matcher(read("deploy/jvm-options"));
        assertTrue(xmx.find(), "deploy/jvm-options sets no -Xmx");
        return DeployRules.mebibytes(xmx.group(1));
    }

    static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>footing-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(read("pom.xml"));
        assertTrue(version.find());
        return version.group(1);
    }

    /** The default of {@code ${NAME:-default}} (or a plain number) after {@code prefix}. */
    static int defaultOf(String text, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(?:\\$\\{[A-Z_]+:-)?(\\d+)").matcher(text);
        assertTrue(m.find(), "no number after '" + prefix + "' in " + text);
        return Integer.parseInt(m.group(1));
    }

    static Map<String, Object> yaml(String text) {
        return map(new Yaml().load(text));
    }

    static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path));
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
