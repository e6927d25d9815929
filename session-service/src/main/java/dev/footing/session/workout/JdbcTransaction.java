package dev.footing.session.workout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.SqlStates;
import dev.footing.common.db.StoreUnavailableException;
import dev.footing.common.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

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
     * server's answer that the transaction is over. Run it with {@link InBandCommit#execute}: nothing may
     * run on the connection after it (it would be outside the transaction, and its locks), and
     * {@link #run} fails the write if something did. On an idle system a round trip to PostgreSQL
     * is a few tenths of a millisecond of the few milliseconds a single set takes (docs/architecture.md §10).
     */
    static String committing(String lastStatement) {
        return lastStatement + ";\ncommit";
    }

    @FunctionalInterface
    public interface Work<T> {
        /** {@code commit} runs the work's last statement if it commits with it ({@link #committing}). */
        T run(Connection connection, InBandCommit commit) throws SQLException;
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
                InBandCommit commit = new InBandCommit(connection);
                result = work.run(connection, commit);
                if (commit.done && !idle(connection)) {
                    // With autocommit off the driver began a new transaction for a statement after the commit:
                    // its changes would be committed below without the write's locks. Undo them, and say so.
                    throw new IllegalStateException("a statement ran on a write's connection after the write committed;"
                            + " it was rolled back (see JdbcTransaction.committing)");
                }
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

    /**
     * Runs a work's last statement, built by {@link #committing}, and checks that the transaction ended
     * with it; {@link #run} then checks that nothing ran after it. One per {@link #run}.
     */
    public static final class InBandCommit {

        private final Connection connection;
        private boolean done;

        private InBandCommit(Connection connection) {
            this.connection = connection;
        }

        public void execute(PreparedStatement lastStatement) throws SQLException {
            if (done) {
                // A second one would run in a transaction of its own, outside the write's and its lock, and
                // leave the connection idle again, so the check in run() could not see it.
                throw new IllegalStateException("one in-band commit per write (see JdbcTransaction.committing)");
            }
            done = true;
            lastStatement.execute();
            if (!idle(connection)) {
                throw new IllegalStateException("a write's last statement did not commit (not built by JdbcTransaction.committing?)");
            }
        }
    }

    /**
     * Whether no transaction is open on the connection, as the driver last heard from the server (every
     * answer of PostgreSQL ends with the transaction's status): no round trip.
     */
    private static boolean idle(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
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
