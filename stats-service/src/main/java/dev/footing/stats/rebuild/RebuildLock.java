package dev.footing.stats.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import dev.footing.common.db.StoreUnavailableException;
import dev.footing.common.problem.ProblemException;

/**
 * Every instance rebuilds into the same rebuild_* tables of the shared database: a second rebuild
 * would drop the first one's copies mid-replay and let it swap in tables that miss events. A
 * session-level advisory lock, held on its own connection for the whole run, lets one run at a time.
 */
final class RebuildLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RebuildLock.class);
    /** The advisory lock key of rebuilds ("footing" rebuild), the same on every instance. */
    private static final long KEY = 0x666F6F74_72656275L;

    private final Connection connection;

    private RebuildLock(Connection connection) {
        this.connection = connection;
    }

    /** A 409 when another instance holds it; a 503 when the database cannot say. */
    static RebuildLock take(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            boolean locked = false;
            try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                tryLock.setLong(1, KEY);
                try (ResultSet rs = tryLock.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            } finally {
                if (!locked) {
                    connection.close();
                }
            }
            if (!locked) {
                throw ProblemException.conflict("a rebuild is running on another instance");
            }
            return new RebuildLock(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not take the rebuild lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            LOG.warnf("could not release the rebuild lock: %s", e.getMessage());
        }
    }
}
