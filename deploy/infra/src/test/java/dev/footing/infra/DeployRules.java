package dev.footing.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules an operator can rely on in {@code deploy/}, as functions from parsed YAML (maps and
 * lists, as SnakeYAML reads them) to a list of violations, each naming where it is. Used by
 * {@link DeployFilesTest} on the real files and on broken examples.
 */
final class DeployRules {

    /** Container ports that browsers and API clients use; every other one stays on 127.0.0.1. */
    static final Set<Integer> PUBLIC_PORTS = Set.of(8081, 8082, 8083, 8080);
    static final Pattern HEAP_OPTION = Pattern.compile("-Xm[xs]|MaxRAMPercentage|InitialRAMPercentage|MaxRAM=");
    static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]*}");
    static final Pattern VARIABLE_READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private DeployRules() {
    }

    // ---- Kubernetes -------------------------------------------------------------------------

    /** Restricted Pod Security, limits, and a writable /tmp for every container of a pod template. */
    static List<String> podTemplate(String where, Map<String, Object> podSpec) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
            violations.add(where + ": pod securityContext.runAsNonRoot is not true");
        }
        if (!"RuntimeDefault".equals(map(podSecurity.get("seccompProfile")).get("type"))) {
            violations.add(where + ": pod securityContext.seccompProfile.type is not RuntimeDefault");
        }
        Set<String> emptyDirs = new TreeSet<>();
        for (Object volume : list(podSpec.get("volumes"))) {
            if (map(volume).containsKey("emptyDir")) {
                emptyDirs.add(String.valueOf(map(volume).get("name")));
            }
        }
        for (Object c : list(podSpec.get("containers"))) {
            Map<String, Object> container = map(c);
            String at = where + "/" + container.get("name");
            Map<String, Object> security = map(container.get("securityContext"));
            if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                violations.add(at + ": allowPrivilegeEscalation is not false");
            }
            if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                violations.add(at + ": readOnlyRootFilesystem is not true");
            }
            if (!list(map(security.get("capabilities")).get("drop")).contains("ALL")) {
                violations.add(at + ": capabilities do not drop ALL");
            }
            boolean tmpIsEmptyDir = list(container.get("volumeMounts")).stream().map(DeployRules::map)
                    .anyMatch(m -> "/tmp".equals(m.get("mountPath")) && emptyDirs.contains(String.valueOf(m.get("name"))));
            if (!tmpIsEmptyDir) {
                violations.add(at + ": /tmp is not an emptyDir (the root filesystem is read-only)");
            }
            Map<String, Object> resources = map(container.get("resources"));
            Object limit = map(resources.get("limits")).get("memory");
            Object request = map(resources.get("requests")).get("memory");
            if (limit == null || request == null) {
                violations.add(at + ": no memory request and limit");
            } else if (mebibytes(request) > mebibytes(limit)) {
                violations.add(at + ": memory request above its limit");
            }
            String image = String.valueOf(container.get("image"));
            if (!pinned(image)) {
                violations.add(at + ": image " + image + " is not pinned to a version");
            }
            for (Object e : list(container.get("env"))) {
                Map<String, Object> env = map(e);
                if ("JAVA_OPTS_APPEND".equals(env.get("name")) && env.get("value") != null
                        && HEAP_OPTION.matcher(String.valueOf(env.get("value"))).find()) {
                    violations.add(at + ": heap options in JAVA_OPTS_APPEND (they belong in deploy/jvm-options)");
                }
                if (env.get("value") != null && String.valueOf(env.get("name")).matches(".*(PASSWORD|SECRET|JAAS).*")) {
                    violations.add(at + ": " + env.get("name") + " has a literal value (use a Secret)");
                }
            }
        }
        return violations;
    }

    /** A service's pods: the above, probes on the management port, a preStop hook, spread, heap room. */
    static List<String> serviceDeployment(Map<String, Object> deployment, long heapMib) {
        String name = String.valueOf(map(deployment.get("metadata")).get("name"));
        Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        List<String> violations = new ArrayList<>(podTemplate("Deployment " + name, podSpec));
        if (list(podSpec.get("topologySpreadConstraints")).isEmpty()) {
            violations.add(name + ": no topologySpreadConstraints");
        }
        for (Object c : list(podSpec.get("containers"))) {
            Map<String, Object> container = map(c);
            Integer managementPort = null;
            for (Object p : list(container.get("ports"))) {
                if ("management".equals(map(p).get("name"))) {
                    managementPort = ((Number) map(p).get("containerPort")).intValue();
                }
            }
            String declared = list(container.get("env")).stream().map(DeployRules::map)
                    .filter(env -> "QUARKUS_MANAGEMENT_PORT".equals(env.get("name")))
                    .map(env -> String.valueOf(env.get("value"))).findFirst().orElse(null);
            if (managementPort == null || !String.valueOf(managementPort).equals(declared)) {
                violations.add(name + ": the port named management is not QUARKUS_MANAGEMENT_PORT (" + declared + ")");
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Object port = map(map(container.get(probe)).get("httpGet")).get("port");
                if (!"management".equals(port) && !Objects.equals(port, managementPort)) {
                    violations.add(name + ": " + probe + " is not an HTTP probe on the management port");
                }
            }
            if (map(map(container.get("lifecycle")).get("preStop")).isEmpty()) {
                violations.add(name + ": no preStop hook");
            }
            Object request = map(map(container.get("resources")).get("requests")).get("memory");
            if (request != null && mebibytes(request) < heapMib) {
                violations.add(name + ": memory request " + request + " is below the heap (" + heapMib + " MiB)");
            }
        }
        return violations;
    }

    // ---- compose ----------------------------------------------------------------------------

    /** Ports, memory, logging, health checks, images and secrets of every compose service. */
    static List<String> composeServices(Map<String, Object> compose) {
        List<String> violations = new ArrayList<>();
        map(compose.get("services")).forEach((name, s) -> {
            Map<String, Object> service = map(s);
            for (Object p : list(service.get("ports"))) {
                String port = String.valueOf(p);
                int container = Integer.parseInt(port.replaceAll("/.*$", "").replaceAll("^.*:", ""));
                if (!port.startsWith("127.0.0.1:") && !PUBLIC_PORTS.contains(container)) {
                    violations.add(name + ": port " + port + " is published on every interface");
                }
            }
            if (service.containsKey("image") && !pinned(String.valueOf(service.get("image")))) {
                violations.add(name + ": image " + service.get("image") + " is not pinned to a version");
            }
            boolean oneShot = "no".equals(service.get("restart"));
            if (!oneShot) {
                for (String key : List.of("mem_limit", "healthcheck", "logging")) {
                    if (!service.containsKey(key)) {
                        violations.add(name + ": no " + key);
                    }
                }
            }
            map(service.get("environment")).forEach((key, value) -> {
                String text = String.valueOf(value);
                if (String.valueOf(key).matches(".*PASSWORD.*|.*JAAS.*") && !REQUIRED_VARIABLE.matcher(text).find()) {
                    violations.add(name + ": " + key + " is not a required variable (${NAME:?...})");
                }
                if ("JAVA_OPTS_APPEND".equals(key) && HEAP_OPTION.matcher(text).find()) {
                    violations.add(name + ": heap options in JAVA_OPTS_APPEND (they belong in deploy/jvm-options)");
                }
            });
        });
        return violations;
    }

    /** The environment variables a properties file reads, e.g. {@code ${OUTBOX_BATCH_SIZE:500}}. */
    static Set<String> variablesRead(String properties) {
        Set<String> names = new TreeSet<>();
        for (String line : properties.split("\n")) {
            if (line.startsWith("#") || line.startsWith("%")) {
                continue; // comments, and test or dev profile settings
            }
            Matcher matcher = VARIABLE_READ.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    // ---- shared -----------------------------------------------------------------------------

    /** An exact version (major.minor at least, e.g. postgres:17.6), a compose variable's default, or a digest. */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', Math.max(slash, 0));
        if (colon < 0) {
            return false;
        }
        String tag = image.substring(colon + 1).replaceAll("^\\$\\{[A-Z_]+:-(.*)}$", "$1");
        return !tag.contains("latest") && tag.matches("\\d+(\\.\\d+)+.*");
    }

    static long mebibytes(Object quantity) {
        String text = String.valueOf(quantity).trim();
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi|m|g|M|G)?").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown memory quantity " + text);
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Gi", "g", "G" -> value * 1024;
            case "Mi", "m", "M" -> value;
            default -> value / (1024 * 1024);
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of();
    }
}
