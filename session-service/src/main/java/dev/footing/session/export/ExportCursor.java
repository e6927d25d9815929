package dev.footing.session.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import dev.footing.session.workout.SetRules;

/**
 * A user's sets, read from PostgreSQL through a server-side cursor: the driver fetches {@code fetchSize}
 * rows per round trip (only with autocommit off; with it on, PostgreSQL's driver reads the whole result
 * into memory), so an export of any length holds one fetch of rows at a time. Sets in the order they
 * were done; sets done at the same instant in the order they were sent.
 *
 * <p>Opened (the query run) before the answer starts, so a database that cannot answer is still a 503
 * problem rather than a broken 200. Close it once: it rolls back its read-only transaction and gives the
 * connection back to the pool.
 */
public final class ExportCursor implements AutoCloseable {

    private static final String SQL = """
            select w.id, s.id, s.completed_at, s.local_date, w.timezone, e.slug, e.name, s.side, s.reps,
                   s.duration_seconds, s.load_kg, s.rpe, s.pain, w.notes
            from workout_set s
            join workout_session w on w.id = s.session_id
            left join exercise_replica e on e.id = s.exercise_id
            where w.user_id = ? and s.retracted_at is null
              and (cast(? as date) is null or s.local_date >= cast(? as date))
              and (cast(? as date) is null or s.local_date <= cast(? as date))
            order by s.completed_at, s.seq""";

    /** setNetworkTimeout wants an executor for aborting; PostgreSQL's driver only sets the socket's timeout. */
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final int poolTimeoutMillis;
    private final PreparedStatement statement;
    private final ResultSet rows;

    private ExportCursor(Connection connection, int poolTimeoutMillis, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.poolTimeoutMillis = poolTimeoutMillis;
        this.statement = statement;
        this.rows = rows;
    }

    /**
     * @param readTimeout how long to wait for each answer of PostgreSQL, the first one included (the
     *        history sorted); the pool's own, shorter socket timeout is put back on close
     */
    public static ExportCursor open(DataSource db, String userId, LocalDate from, LocalDate to, int fetchSize,
            Duration readTimeout) throws SQLException {
        Connection connection = db.getConnection();
        int poolTimeoutMillis;
        try {
            poolTimeoutMillis = connection.getNetworkTimeout();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        PreparedStatement statement = null;
        try {
            connection.setNetworkTimeout(DIRECT, Math.toIntExact(readTimeout.toMillis()));
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            statement.setString(1, userId);
            statement.setObject(2, from);
            statement.setObject(3, from);
            statement.setObject(4, to);
            statement.setObject(5, to);
            return new ExportCursor(connection, poolTimeoutMillis, statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, poolTimeoutMillis, statement, e);
            throw e;
        }
    }

    /** The next set, or null after the last one. */
    public ExportRow next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        OffsetDateTime completedAt = rows.getObject(3, OffsetDateTime.class);
        return new ExportRow(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), completedAt.toInstant(),
                rows.getObject(4, LocalDate.class), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getString(8), integer(9), integer(10), SetRules.normalizeLoad(rows.getBigDecimal(11)),
                integer(12), integer(13), rows.getString(14));
    }

    @Override
    public void close() throws SQLException {
        try (connection; statement; rows) {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setNetworkTimeout(DIRECT, poolTimeoutMillis);
        }
    }

    private Integer integer(int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static void closeQuietly(Connection connection, int poolTimeoutMillis, PreparedStatement statement,
            Exception cause) {
        try (connection; statement) {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setNetworkTimeout(DIRECT, poolTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
