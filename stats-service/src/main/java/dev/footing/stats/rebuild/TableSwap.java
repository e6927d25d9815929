package dev.footing.stats.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;

import dev.footing.stats.facts.FactTables;
import dev.footing.stats.facts.Rollups;

/**
 * The tables of a rebuild: fresh {@code rebuild_*} copies before the replay, and afterwards, in one
 * transaction that briefly locks the live tables, the carry-over of what the live consumer applied
 * past the replay's end offsets and the swap of the copies in. Nothing applied meanwhile is lost. The
 * summary's rollups are copied and swapped with the facts: the replay maintains the copies' rollups as the
 * live consumer does its own, and those of users with carried-over events are refilled from the copies.
 */
@ApplicationScoped
public class TableSwap {

    @Inject
    DataSource dataSource;

    void prepareCopies() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : FactTables.NAMES) {
                statement.execute("DROP TABLE IF EXISTS " + FactTables.REBUILD.prefix() + table);
                statement.execute("CREATE TABLE " + FactTables.REBUILD.prefix() + table + " (LIKE " + table + " INCLUDING ALL)");
            }
        }
    }

    /** Returns how many events the live consumer applied past the replay's end and were carried over. */
    protected long swap(Map<TopicPartition, Long> end) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Writers lock applied_event first too, so this cannot deadlock with the live consumer.
                statement.execute("LOCK TABLE " + String.join(", ", FactTables.NAMES) + " IN ACCESS EXCLUSIVE MODE");
                long caughtUp = markCaughtUp(connection, end);
                statement.execute("INSERT INTO rebuild_applied_event SELECT a.* FROM applied_event a"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (event_id) DO NOTHING");
                statement.execute("INSERT INTO rebuild_set_fact SELECT s.* FROM set_fact s"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (set_id) DO NOTHING");
                statement.execute("INSERT INTO rebuild_set_retraction SELECT r.* FROM set_retraction r"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (set_id) DO NOTHING");
                statement.execute("INSERT INTO rebuild_session_completion SELECT s.* FROM session_completion s"
                        + " JOIN rebuild_caught_up c USING (event_id) ON CONFLICT (session_id) DO NOTHING");
                // A carried-over set or retraction may meet its counterpart from the replay.
                statement.execute("UPDATE rebuild_set_fact s SET retracted = NOT s.retracted WHERE s.retracted <>"
                        + " EXISTS (SELECT 1 FROM rebuild_set_retraction r WHERE r.set_id = s.set_id AND r.user_id = s.user_id)");
                // The replay kept the copies' rollups; a user with events carried over gets them anew from the copies'
                // facts (a flipped set above is of such a user: its set or its retraction was carried over).
                statement.execute("CREATE TEMP TABLE rebuild_caught_up_user ON COMMIT DROP AS SELECT DISTINCT a.user_id"
                        + " FROM rebuild_applied_event a JOIN rebuild_caught_up c USING (event_id)");
                Rollups.refill(statement, FactTables.REBUILD, "SELECT user_id FROM rebuild_caught_up_user");
                for (String table : FactTables.NAMES) {
                    statement.execute("DROP TABLE " + table);
                    statement.execute("ALTER TABLE " + FactTables.REBUILD.prefix() + table + " RENAME TO " + table);
                }
                renameIndexes(connection);
                connection.commit();
                return caughtUp;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The ids of events applied live at or past the replay's end offsets, in a temporary table; returns their count. */
    private static long markCaughtUp(Connection connection, Map<TopicPartition, Long> end) throws SQLException {
        try (PreparedStatement later = connection.prepareStatement("CREATE TEMP TABLE rebuild_caught_up ON COMMIT DROP AS"
                + " SELECT a.event_id FROM applied_event a"
                + " LEFT JOIN unnest(?::int[], ?::bigint[]) AS e(p, o) ON a.source_partition = e.p"
                + " WHERE e.o IS NULL OR a.source_offset >= e.o")) {
            List<TopicPartition> partitions = new ArrayList<>(end.keySet());
            later.setArray(1, connection.createArrayOf("int4",
                    partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new)));
            later.setArray(2, connection.createArrayOf("int8", partitions.stream().map(end::get).toArray(Long[]::new)));
            later.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM rebuild_caught_up")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Indexes of the copies were named after them; drop the prefix so names stay stable from one rebuild to the next. */
    private static void renameIndexes(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT indexname FROM pg_indexes"
                + " WHERE schemaname = current_schema() AND tablename = ANY (?) AND indexname LIKE 'rebuild\\_%'")) {
            select.setArray(1, connection.createArrayOf("text", FactTables.NAMES.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER INDEX \"" + name + "\" RENAME TO \""
                        + name.substring(FactTables.REBUILD.prefix().length()) + "\"");
            }
        }
    }
}
