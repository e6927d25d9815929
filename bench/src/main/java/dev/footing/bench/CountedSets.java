package dev.footing.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The sets stats-service counts for some users, read from its own database: the rollup its summary reads
 * ({@code session_day_totals}), so a set counted here is one {@code /summary} shows. The ingest watches
 * for its last set this way rather than by asking {@code /summary} for every user every few milliseconds:
 * those requests were stats-service's own work, and were counted in its CPU per applied event
 * (docs/architecture.md §10). The watch costs the database one small query a round, counted as its CPU.
 */
final class CountedSets implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement sum;

    CountedSets(Function<String, String> jdbcUrl, String user, String password, List<String> users) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl.apply("stats"), user, password);
        try {
            sum = connection.prepareStatement("SELECT coalesce(sum(sets), 0) FROM session_day_totals WHERE user_id = ANY (?)");
            sum.setArray(1, connection.createArrayOf("varchar", users.toArray(String[]::new)));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    long now() throws SQLException {
        try (ResultSet rs = sum.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
