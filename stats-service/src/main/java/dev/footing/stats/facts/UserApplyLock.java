package dev.footing.stats.facts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import dev.footing.stats.event.Positioned;

/**
 * One writer at a time per user: the batch's first statement takes a transaction-level advisory lock for each
 * of its users, in one order (by key), so that two writers with users in common cannot deadlock.
 *
 * <p>Why: while the consumer group hands a partition over, the old owner may still apply a batch that the new
 * owner applies again, in other batch boundaries. The guard makes each event count once, but a set and its
 * retraction can land in the two writers' concurrent transactions, and under READ COMMITTED neither sees the
 * other's uncommitted row: the set is stored as not retracted, the retraction finds no set and waits as
 * pending, and the set stays counted ({@code PartitionHandoverTest}). With the lock the second writer's
 * statements start after the first one committed, and see its rows.
 *
 * <p>The lock is a statement of its own, ahead of the guard's in the same message: each statement takes its
 * snapshot when it starts, so the guard's is taken once the lock is held. In a batch of sets alone, which runs
 * without an explicit transaction, the two statements are one implicit transaction (up to the message's end),
 * so the lock is held through the guard's statement. The keys are two ints, a space of their own (rebuilds use
 * single bigint keys), the first telling the live tables from a rebuild's copies.
 */
final class UserApplyLock {

    private UserApplyLock() {
    }

    /** The lock statement; its one parameter is the batch's user ids. */
    static String sql(FactTables tables) {
        return "SELECT pg_advisory_xact_lock(" + space(tables) + ", k)"
                + " FROM (SELECT DISTINCT hashtext(u) AS k FROM unnest(?::varchar[]) AS u ORDER BY k) AS keys";
    }

    static void bind(PreparedStatement statement, int index, List<Positioned> events) throws SQLException {
        String[] users = events.stream().map(p -> p.event().userId()).distinct().toArray(String[]::new);
        statement.setArray(index, statement.getConnection().createArrayOf("varchar", users));
    }

    private static int space(FactTables tables) {
        return ("footing-stats-apply:" + tables.prefix()).hashCode();
    }
}
