package dev.footing.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak 26 server ({@code org.keycloak:keycloak-quarkus-dist} from Maven Central) run
 * as a child process in development mode, with the {@code footing} realm imported from
 * {@code deploy/keycloak/footing-realm.json}.
 *
 * <p>The distribution is extracted once into {@code .footing-tools/keycloak-<version>/} at the
 * repository root (git-ignored) and shared by every run; each run keeps its own state in its own
 * {@code dataDir}: a fresh temporary folder gives a fresh realm (tests), a kept folder keeps users
 * and sessions between runs (the local run).
 *
 * <p>Storage is Keycloak's file-based H2 ({@code --db=dev-file}) at a path inside {@code dataDir},
 * not our PostgreSQL. Measured on the 2-core build machine: a fresh realm is ready in about 15 s on
 * H2 against about 22 s on PostgreSQL (Keycloak creates its ~100 tables either way), a restart on
 * kept data in 8 s against 9 s; H2 also needs no database of its own on an external server
 * ({@code DB_URL}), where a kept {@code keycloak} database would silently keep an old realm, since
 * the import skips realms that exist. The database kind is a build option of Keycloak: every run
 * uses the same one so that the shared distribution is re-augmented (about 18 s) only on its
 * very first start.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.5.6";
    public static final String REALM = "footing";
    /** The master realm's console administrator: development only. */
    public static final String CONSOLE_ADMIN = "admin";
    public static final String CONSOLE_PASSWORD = "admin";

    private static final String REALM_FILE = "footing-realm.json";
    /** One start at a time in this JVM too: a file lock held twice by one JVM throws instead of waiting. */
    private static final java.util.concurrent.Semaphore START_PERMIT = new java.util.concurrent.Semaphore(1);

    private final Path dataDir;
    private final int port;
    private final String webUrl;
    private final Path logFile;
    private Process process;
    private Thread shutdownHook;
    private FileChannel lockChannel;
    private FileLock lock;

    /**
     * @param dataDir where this server keeps its database and transaction log
     * @param port    HTTP port on 127.0.0.1
     * @param webUrl  the dashboard's origin, e.g. {@code http://localhost:8083}: the realm's
     *                {@code footing-web} client accepts redirects to it ({@code FOOTING_WEB_URL})
     * @param logFile where Keycloak's output goes
     */
    public KeycloakServer(Path dataDir, int port, String webUrl, Path logFile) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.webUrl = webUrl;
        this.logFile = logFile.toAbsolutePath();
    }

    /** {@code http://localhost:<port>} */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code http://localhost:<port>/realms/footing}: the {@code iss} of every token it issues. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String adminConsole() {
        return baseUrl() + "/admin/master/console/";
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Launches Keycloak and waits until the realm answers (at most 3 minutes). */
    public KeycloakServer start() {
        launch();
        awaitReady(Duration.ofMinutes(3));
        return this;
    }

    /**
     * Launches Keycloak without waiting, so that other servers can start meanwhile; call
     * {@link #awaitReady(Duration)} before using it.
     */
    public synchronized KeycloakServer launch() {
        if (process != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            stopOrphan();
            ensurePortFree();
            Path home = distribution();
            lockDistribution(home);
            copyRealm(home);
            List<String> command = new ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    // Tokens carry this issuer however the server is reached (localhost or 127.0.0.1).
                    "--hostname=" + baseUrl(),
                    "--import-realm",
                    "--db=dev-file",
                    "--db-url=jdbc:h2:file:" + dataDir.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
                    "-Dquarkus.transaction-manager.object-store.directory=" + dataDir.resolve("transaction-logs")));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", CONSOLE_ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", CONSOLE_PASSWORD);
            env.put("FOOTING_WEB_URL", webUrl);
            process = builder.start();
            Files.writeString(dataDir.resolve("keycloak.pid"), Long.toString(process.pid()));
            shutdownHook = new Thread(this::stop, "footing-keycloak-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            return this;
        } catch (IOException e) {
            releaseLock();
            throw new UncheckedIOException("could not start Keycloak; see " + logFile, e);
        } catch (RuntimeException e) {
            releaseLock();
            throw e;
        }
    }

    /** Waits until {@code /realms/footing/.well-known/openid-configuration} answers 200. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (true) {
                Process running;
                synchronized (this) {
                    running = process;
                }
                if (running == null) {
                    throw new IllegalStateException("Keycloak was not launched");
                }
                if (!running.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + running.exitValue() + "; see " + logFile);
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    stop();
                    throw new IllegalStateException("Keycloak not ready after " + timeout + "; see " + logFile);
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        } finally {
            releaseLock();
        }
    }

    /**
     * Stops Keycloak: SIGTERM to {@code kc.sh} and the java process it runs, SIGKILL after 30 s.
     * Its data stays in {@code dataDir}.
     */
    public synchronized void stop() {
        releaseLock();
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
        process = null;
        try {
            Files.deleteIfExists(dataDir.resolve("keycloak.pid"));
        } catch (IOException ignored) {
            // only a hint for the next start
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook runs anyway and finds nothing to do
            }
        }
        shutdownHook = null;
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------------------------------
    // The distribution

    /**
     * The extracted distribution, {@code .footing-tools/keycloak-<version>/} at the repository
     * root, extracted on first use. Extraction goes to a temporary folder that is renamed when
     * complete, so an interrupted extraction is never mistaken for a complete one.
     */
    public static Path distribution() {
        Path tools = toolsDir();
        Path home = tools.resolve("keycloak-" + VERSION);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = distributionZip();
        try {
            Files.createDirectories(tools);
            Path tmp = Files.createTempDirectory(tools, "keycloak-" + VERSION + ".extracting-");
            unzip(zip, tmp);
            Path extracted = tmp.resolve("keycloak-" + VERSION);
            if (!Files.isRegularFile(extracted.resolve("bin/kc.sh"))) {
                throw new IllegalStateException(zip + " has no keycloak-" + VERSION + "/bin/kc.sh");
            }
            try {
                Files.move(extracted, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                    throw raced;
                }
                // another process extracted it at the same time: use theirs
            }
            deleteRecursively(tmp);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract " + zip + " into " + tools, e);
        }
    }

    /**
     * The zip in the local Maven repository: {@code -Dfooting.keycloak.dist} (the build sets it),
     * else {@code ${maven.repo.local}} or {@code ~/.m2/repository}.
     */
    static Path distributionZip() {
        String configured = System.getProperty("footing.keycloak.dist");
        Path zip;
        if (configured != null && !configured.isBlank()) {
            zip = Path.of(configured);
        } else {
            String repo = Optional.ofNullable(System.getProperty("maven.repo.local"))
                    .orElse(Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
            zip = Path.of(repo, "org", "keycloak", "keycloak-quarkus-dist", VERSION, "keycloak-quarkus-dist-" + VERSION + ".zip");
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: build deploy/infra first (./mvnw -pl deploy/infra install "
                    + "-DskipTests downloads it from Maven Central)");
        }
        return zip;
    }

    /** {@code .footing-tools} at the repository root ({@code -Dfooting.root} or found upwards from here). */
    static Path toolsDir() {
        return repositoryRoot().map(root -> root.resolve(".footing-tools"))
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "footing-tools"));
    }

    static Optional<Path> repositoryRoot() {
        String configured = System.getProperty("footing.root");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/" + REALM_FILE))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Set<PosixFilePermission> executable = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                // java.util.zip does not carry Unix modes: the scripts in bin/ are the executables.
                if (out.getParent().getFileName().toString().equals("bin") && out.toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(out, executable);
                }
            }
        }
    }

    /**
     * Serialises starts that share the distribution (a local run and a test JVM, say) until the
     * server is ready: Keycloak's first start rewrites files of the distribution (re-augmentation),
     * and the realm file is copied into its {@code data/import}.
     */
    private void lockDistribution(Path home) throws IOException {
        START_PERMIT.acquireUninterruptibly();
        try {
            lockChannel = FileChannel.open(home.resolveSibling("keycloak-" + VERSION + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.lock();
        } catch (IOException | RuntimeException e) {
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
            START_PERMIT.release();
            throw e;
        }
    }

    private synchronized void releaseLock() {
        if (lockChannel == null) {
            return;
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        } finally {
            lock = null;
            lockChannel = null;
            START_PERMIT.release();
        }
    }

    /** {@code --import-realm} reads {@code data/import/<realm>-realm.json} of the distribution. */
    private static void copyRealm(Path home) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path tmp = Files.createTempFile(importDir, REALM_FILE, ".tmp");
        try (InputStream realm = realmFile()) {
            Files.copy(realm, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        // Keycloak imports every file in the folder: only the realm file may be there.
        Files.move(tmp, importDir.resolve(REALM_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The repository's {@code deploy/keycloak/footing-realm.json}, else the copy packaged with this class. */
    static InputStream realmFile() throws IOException {
        Optional<Path> inRepository = repositoryRoot().map(root -> root.resolve("deploy/keycloak/" + REALM_FILE))
                .filter(Files::isRegularFile);
        if (inRepository.isPresent()) {
            return Files.newInputStream(inRepository.get());
        }
        InputStream packaged = KeycloakServer.class.getResourceAsStream("/keycloak/" + REALM_FILE);
        if (packaged == null) {
            throw new IllegalStateException("no " + REALM_FILE + " in the repository or on the classpath");
        }
        return packaged;
    }

    private void ensurePortFree() {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is in use: is another Keycloak running? "
                    + "(set KEYCLOAK_PORT to use another port)", e);
        }
    }

    /** A JVM killed with SIGKILL leaves its Keycloak running on this data: stop that one first. */
    private void stopOrphan() throws IOException {
        Path pidFile = dataDir.resolve("keycloak.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            Files.delete(pidFile);
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().commandLine().map(c -> c.contains("kc.sh") || c.contains("keycloak")).orElse(false));
        if (orphan.isPresent()) {
            System.err.println("Stopping orphaned Keycloak (pid " + pid + ") left on " + dataDir);
            List<ProcessHandle> all = new ArrayList<>(orphan.get().descendants().toList());
            all.add(orphan.get());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
        Files.delete(pidFile);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
