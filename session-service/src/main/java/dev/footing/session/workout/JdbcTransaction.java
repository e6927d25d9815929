package dev.footing.session.workout;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.SqlStates;
import dev.footing.common.db.StoreUnavailableException;
import dev.footing.common.problem.ProblemException;
import io.agroal.api.AgroalDataSource;

/**
 * Runs a write as a local transaction on one pooled connection, committed or rolled back here:
 * no JTA transaction and no Hibernate session around it. For the hot writes (sets, new sessions)
 * Narayana's transaction and its synchronizations cost more CPU than the statements they wrap.
 *
 * <p>The connection comes from the service's one datasource, as the relay's do: called while no JTA
 * transaction is active, Agroal hands it out unenlisted, so it may be switched to manual commit (the
 * pool resets that when it takes the connection back). A second datasource with JTA integration off
 * would do the same with a second pool to size and monitor, for nothing.
 */
@ApplicationScoped
public class JdbcTransaction {

    @Inject
    AgroalDataSource dataSource;

    /**
     * A work's last statement with the commit after it, so both go to PostgreSQL in one round trip:
     * the driver sends them together and waits once, the server runs them in order and skips the
     * commit when the statement fails (the work's failure then rolls back here, as any does). The
     * commit {@link #run} makes after the work is then no round trip: the driver knows from the
     * server's answer that the transaction is over. Nothing may run on the connection after it; it
     * would be outside the transaction, and its locks. On an idle system a round trip to PostgreSQL
     * is a few tenths of a millisecond of the few milliseconds a single set takes (docs/architecture.md §10).
     */
    static String committing(String lastStatement) {
        return lastStatement + ";\ncommit";
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * The work's result once committed. A unique violation is a 409: checked under the user's write
     * lock, an id can only have been taken by a concurrent request of another user.
     */
    public <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
            // No round trip when the work's last statement was committing(...): nothing is open any more.
            connection.commit();
            return result;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                throw ProblemException.conflict("An id in this request was taken by a concurrent request; retry to see the outcome");
            }
            if (SqlStates.isUnavailable(e)) {
                throw new StoreUnavailableException("the database cannot answer", e);
            }
            throw new IllegalStateException("write failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The work's failure is what the caller needs; the rollback's goes with it.
            failure.addSuppressed(e);
        }
    }
}
