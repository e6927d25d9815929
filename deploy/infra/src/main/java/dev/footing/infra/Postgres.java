package dev.footing.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from the binaries that io.zonky ships in Maven jars.
 * As root, zonky runs initdb and pg_ctl under {@code unshare -U}, since PostgreSQL refuses root.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final Optional<Path> dataDir;

    private Postgres(EmbeddedPostgres server, Optional<Path> dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server on {@code port}; with a {@code dataDir} its data survives restarts.
     * zonky defaults to synchronous_commit=off, which may lose acknowledged commits on a crash:
     * we promise no lost data, so it is switched back on.
     */
    public static Postgres start(Optional<Path> dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (dataDir.isPresent()) {
                Files.createDirectories(dataDir.get());
                stopOrphan(dataDir.get());
                builder.setDataDirectory(dataDir.get()).setCleanDataDirectory(false);
            }
            return new Postgres(builder.start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public void createDatabases(List<String> names) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
            s.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + names, e);
        }
    }

    /**
     * Kills the server as an out-of-memory killer or a crashed host would: SIGKILL to the
     * postmaster and every backend, no shutdown checkpoint, so the next start runs crash recovery
     * on the same data. Committed data survives (fsync and synchronous_commit are on).
     */
    public void kill() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
                all.add(0, postmaster);
                all.forEach(ProcessHandle::destroyForcibly);
                all.forEach(Postgres::awaitExit);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("no running PostgreSQL on " + dataDir(), e);
        }
        // zonky's close now fails to stop what is already dead (it logs "Could not stop postmaster"),
        // but it must still run: it releases the data directory's lock for the next start.
        System.getLogger(Postgres.class.getName()).log(System.Logger.Level.INFO,
                "test PostgreSQL on port " + port() + " killed; a following 'Could not stop postmaster' is expected");
        close();
    }

    private Path dataDir() {
        return dataDir.orElseThrow(() -> new IllegalStateException(
                "a server without its own data directory cannot be killed and started again"));
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not die", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JVM killed with SIGKILL leaves its postgres child running on the data dir: stop it first. */
    private static void stopOrphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid);
        if (orphan.isEmpty()) {
            return;
        }
        System.err.println("Stopping orphaned PostgreSQL (pid " + pid + ") left on " + dataDir);
        orphan.get().destroy();
        Instant deadline = Instant.now().plusSeconds(30);
        while (orphan.get().isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
