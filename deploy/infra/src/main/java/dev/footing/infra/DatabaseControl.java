package dev.footing.infra;

import java.nio.file.Path;
import java.util.Optional;

/** The embedded PostgreSQL of this JVM, killed and started again on the same port and data directory. */
final class DatabaseControl implements DatabaseControlMBean {

    private final Path dataDir;
    private final int port;
    private Postgres running;

    DatabaseControl(Postgres running, Path dataDir) {
        this.running = running;
        this.dataDir = dataDir;
        this.port = running.port();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.kill();
            running = null;
        }
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = Postgres.start(Optional.of(dataDir), port);
        }
    }

    /** For the JVM's exit: stops the server if it runs. */
    synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
