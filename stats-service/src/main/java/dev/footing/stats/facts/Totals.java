package dev.footing.stats.facts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Totals over counted sets (completed, not retracted): {@code sessions} with at least one such
 * set, {@code sets}, {@code reps} (Σ reps), {@code holdSeconds} (Σ durationSeconds),
 * {@code loadVolumeKg} (Σ reps × loadKg) and {@code activeDays} (distinct local dates).
 */
public record Totals(long sessions, long sets, long reps, long holdSeconds, double loadVolumeKg, long activeDays) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0);

    /**
     * The SQL aggregates of these totals, in the order {@link #read} takes them, over the set facts
     * named {@code facts} (a table or its alias): one rule for every statement that totals counted
     * sets. {@code count(facts.set_id)} rather than {@code count(*)}: under an outer join a user
     * without sets has one row of nulls, and no set.
     */
    public static String aggregates(String facts) {
        return ("count(DISTINCT %1$s.session_id), count(%1$s.set_id), coalesce(sum(%1$s.reps), 0),"
                + " coalesce(sum(%1$s.duration_seconds), 0), coalesce(sum(%1$s.reps * %1$s.load_kg), 0),"
                + " count(DISTINCT %1$s.local_date)").formatted(facts);
    }

    /**
     * The same aggregates over rows of {@code session_day_totals} named {@code rollups} ({@link Rollups}): sums
     * of its sums, and distinct sessions and dates among rows with a counted set (a row whose sets were all
     * retracted stays, with zeros). A session spanning midnight has a row per date and counts once.
     */
    public static String aggregatesOfRollups(String rollups) {
        return ("count(DISTINCT %1$s.session_id) FILTER (WHERE %1$s.sets > 0), coalesce(sum(%1$s.sets), 0),"
                + " coalesce(sum(%1$s.reps), 0), coalesce(sum(%1$s.hold_seconds), 0), coalesce(sum(%1$s.load_volume_kg), 0),"
                + " count(DISTINCT %1$s.local_date) FILTER (WHERE %1$s.sets > 0)").formatted(rollups);
    }

    /**
     * {@link #aggregatesOfRollups(String)} over the rows that also meet {@code condition} (SQL over the same alias),
     * so that one scan of a user's rows gives their totals of several periods.
     */
    public static String aggregatesOfRollups(String rollups, String condition) {
        return ("count(DISTINCT %1$s.session_id) FILTER (WHERE %1$s.sets > 0 AND %2$s),"
                + " coalesce(sum(%1$s.sets) FILTER (WHERE %2$s), 0), coalesce(sum(%1$s.reps) FILTER (WHERE %2$s), 0),"
                + " coalesce(sum(%1$s.hold_seconds) FILTER (WHERE %2$s), 0),"
                + " coalesce(sum(%1$s.load_volume_kg) FILTER (WHERE %2$s), 0),"
                + " count(DISTINCT %1$s.local_date) FILTER (WHERE %1$s.sets > 0 AND %2$s)").formatted(rollups, condition);
    }

    /** Totals from the columns {@link #aggregates} or {@link #aggregatesOfRollups} made, the first at {@code column}. */
    public static Totals read(ResultSet rs, int column) throws SQLException {
        return new Totals(rs.getLong(column), rs.getLong(column + 1), rs.getLong(column + 2), rs.getLong(column + 3),
                kg(rs.getBigDecimal(column + 4)), rs.getLong(column + 5));
    }

    /** The exact decimal sum, as the nearest double: what JSON shows without losing a cent. */
    public static double kg(BigDecimal exact) {
        return exact == null ? 0 : exact.doubleValue();
    }
}
