package dev.footing.stats.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.footing.stats.event.Positioned;
import dev.footing.stats.event.SetCompleted;
import dev.footing.stats.event.WorkoutEvent;

/**
 * The idempotence guard of a batch: one row per event in {@code applied_event}, inserted by ONE
 * statement over arrays ({@code unnest}) that returns the ids it inserted. An id already there was
 * applied before and is skipped by {@code ON CONFLICT DO NOTHING}, without an error that would abort
 * the transaction.
 *
 * <p>The same statement inserts the batch's set facts ({@link SetFactRows}) in a second, data-modifying
 * {@code WITH} query that takes only the sets whose event the guard inserted now: one round trip for
 * the guard and the facts, and for a batch of sets alone (nearly every batch) an implicit transaction
 * with the users' apply lock ahead of it in the same message ({@link UserApplyLock}), so no BEGIN and COMMIT
 * either (see {@link EventApplier}). Both are inserts
 * into applied_event first, as a rebuild's table swap expects (it locks the tables in that order).
 *
 * <p>The rollups the summary reads ({@link Rollups}) are updated by the same statement, from the rows the
 * guard and the set INSERT return: what the guard skipped as a redelivery changes them no more than the facts.
 *
 * <p>Why not a JDBC batch: learning which rows were new needs the count of every row, and the driver
 * can only rewrite a batch into multi-row INSERTs ({@code reWriteBatchedInserts}) by giving those
 * counts up; unrewritten, the server parses, plans and executes one statement per event, which cost
 * more than the row itself. {@code RETURNING} tells the new ids in the same round trip.
 */
final class AppliedEventGuard {

    private AppliedEventGuard() {
    }

    /**
     * The statements: the users' apply lock ({@link UserApplyLock}), then the guard, the set facts of the events
     * it inserted (when the batch has sets), and the rollups of those events and sets ({@link Rollups}), each a
     * data-modifying {@code WITH} query of one statement.
     */
    static String sql(FactTables tables, boolean withSets) {
        return UserApplyLock.sql(tables) + "; WITH guard AS (INSERT INTO " + tables.appliedEvent()
                + " (event_id, user_id, event_type, event_time, source_partition, source_offset)"
                + " SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::int[], ?::bigint[])"
                + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id, user_id, event_time)"
                + (withSets ? ", sets AS (" + SetFactRows.insert(tables, "guard") + ")"
                        + ", day_totals AS (" + Rollups.countSets(tables, "sets") + ")" : "")
                + ", user_totals AS (" + Rollups.addEvents(tables, "guard", withSets ? "sets" : null) + ")"
                + " SELECT event_id FROM guard";
    }

    /**
     * Inserts the guard rows of {@code distinct} (no event id twice) and the facts of those of {@code sets}
     * (no set id twice) whose event is new; returns the ids that were new.
     */
    static Set<UUID> insertNew(Connection connection, List<Positioned> distinct, List<SetCompleted> sets,
            FactTables tables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql(tables, !sets.isEmpty()))) {
            bind(insert, distinct, sets);
            Set<UUID> inserted = new HashSet<>();
            insert.execute(); // the lock's rows, one per user: nothing to read
            insert.getMoreResults();
            try (ResultSet rs = insert.getResultSet()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    /** Sets the parameters of {@link #sql} for these events and sets (none: a statement without sets). */
    static void bind(PreparedStatement insert, List<Positioned> distinct, List<SetCompleted> sets) throws SQLException {
        Connection connection = insert.getConnection();
        UserApplyLock.bind(insert, 1, distinct);
        int n = distinct.size();
        String[] eventIds = new String[n];
        String[] userIds = new String[n];
        String[] types = new String[n];
        String[] times = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            Positioned p = distinct.get(i);
            WorkoutEvent event = p.event();
            eventIds[i] = event.eventId().toString();
            userIds[i] = event.userId();
            types[i] = event.type().ceType();
            times[i] = event.eventTime().toString();
            partitions[i] = p.partition();
            offsets[i] = p.offset();
        }
        insert.setArray(2, connection.createArrayOf("varchar", eventIds));
        insert.setArray(3, connection.createArrayOf("varchar", userIds));
        insert.setArray(4, connection.createArrayOf("varchar", types));
        insert.setArray(5, connection.createArrayOf("varchar", times));
        insert.setArray(6, connection.createArrayOf("int4", partitions));
        insert.setArray(7, connection.createArrayOf("int8", offsets));
        if (!sets.isEmpty()) {
            SetFactRows.bind(insert, 8, sets);
        }
    }
}
