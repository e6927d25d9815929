package dev.footing.stats.facts;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rollups a summary is read from: {@code user_totals} (per user: events applied, the last event's time,
 * the most recently completed set and its zone) and {@code session_day_totals} (per user, local date and
 * session: the counted sets, reps, hold seconds and exact load volume). A summary aggregated all of a user's
 * facts on every live push, a cost that grew with each user's history; from the rollups it reads one row
 * per user and one per (day, session) of theirs.
 *
 * <p>They never disagree with the facts because they change only in the statements that change the facts:
 * the apply statement updates them in data-modifying {@code WITH} queries of the guard's statement, over the
 * rows the guard and the set INSERT return (so a redelivered event, which the guard skips, changes nothing;
 * and a crash loses both or neither), and a retraction un-counts its set in the statement that marks it.
 * One row write per user and per (day, session) of a batch, however many sets it has. Two writers of one
 * user (the consumer group hands a partition over) add up correctly: an upsert adds to the row as it is
 * when it gets the row's lock, and each event is added by the one statement whose guard row it inserted.
 */
public final class Rollups {

    /** The counted-set columns of session_day_totals, aggregated over set facts (or rows returned by an INSERT of them). */
    private static final String COUNTED = "count(*) AS sets, coalesce(sum(reps), 0) AS reps,"
            + " coalesce(sum(duration_seconds), 0) AS hold_seconds, coalesce(sum(reps * load_kg), 0) AS load_volume_kg";

    private static final String DAY_KEY = "user_id, local_date, session_id";

    private Rollups() {
    }

    /**
     * The upsert of {@code user_totals} for the events of {@code guard} (a query with user_id and event_time
     * of the events inserted now) and the sets of {@code sets} (the set facts inserted now; null when the batch
     * has none).
     */
    static String addEvents(FactTables tables, String guard, String sets) {
        String latest = sets == null
                ? " CROSS JOIN (SELECT NULL::timestamptz AS completed_at, NULL::uuid AS set_id, NULL::varchar AS timezone) l"
                : " LEFT JOIN (SELECT DISTINCT ON (user_id) user_id, completed_at, set_id, timezone FROM " + sets
                        + " ORDER BY user_id, completed_at DESC, set_id DESC) l ON l.user_id = g.user_id";
        String newer = "excluded.latest_set_id IS NOT NULL AND (t.latest_set_id IS NULL"
                + " OR (excluded.latest_set_completed_at, excluded.latest_set_id) > (t.latest_set_completed_at, t.latest_set_id))";
        return "INSERT INTO " + tables.userTotals() + " AS t (user_id, events_applied, last_event_at,"
                + " latest_set_completed_at, latest_set_id, latest_timezone)"
                + " SELECT g.user_id, g.events, g.last_event_at, l.completed_at, l.set_id, l.timezone"
                + " FROM (SELECT user_id, count(*) AS events, max(event_time) AS last_event_at FROM " + guard
                + " GROUP BY user_id) g" + latest
                // Rows locked in one order by every writer: two of them cannot deadlock on each other's users.
                + " ORDER BY g.user_id"
                + " ON CONFLICT (user_id) DO UPDATE SET events_applied = t.events_applied + excluded.events_applied,"
                + " last_event_at = greatest(t.last_event_at, excluded.last_event_at),"
                + " latest_set_completed_at = CASE WHEN " + newer + " THEN excluded.latest_set_completed_at"
                + " ELSE t.latest_set_completed_at END,"
                + " latest_set_id = CASE WHEN " + newer + " THEN excluded.latest_set_id ELSE t.latest_set_id END,"
                + " latest_timezone = CASE WHEN " + newer + " THEN excluded.latest_timezone ELSE t.latest_timezone END";
    }

    /** The upsert of {@code session_day_totals} that counts the sets of {@code sets} (set facts inserted now) not retracted. */
    static String countSets(FactTables tables, String sets) {
        return "INSERT INTO " + tables.sessionDayTotals() + " AS t (" + DAY_KEY
                + ", sets, reps, hold_seconds, load_volume_kg)"
                + " SELECT " + DAY_KEY + ", " + COUNTED + " FROM " + sets + " WHERE NOT retracted"
                + " GROUP BY " + DAY_KEY + " ORDER BY " + DAY_KEY
                + " ON CONFLICT (" + DAY_KEY + ") DO UPDATE SET sets = t.sets + excluded.sets, reps = t.reps + excluded.reps,"
                + " hold_seconds = t.hold_seconds + excluded.hold_seconds,"
                + " load_volume_kg = t.load_volume_kg + excluded.load_volume_kg";
    }

    /** The update of {@code session_day_totals} that un-counts the sets of {@code retracted} (sets retracted now). */
    static String uncountSets(FactTables tables, String retracted) {
        return "UPDATE " + tables.sessionDayTotals() + " AS t SET sets = t.sets - c.sets, reps = t.reps - c.reps,"
                + " hold_seconds = t.hold_seconds - c.hold_seconds, load_volume_kg = t.load_volume_kg - c.load_volume_kg"
                + " FROM (SELECT " + DAY_KEY + ", " + COUNTED + " FROM " + retracted + " GROUP BY " + DAY_KEY + ") c"
                + " WHERE t.user_id = c.user_id AND t.local_date = c.local_date AND t.session_id = c.session_id";
    }

    /**
     * Makes the rollups of the users {@code users} (a query of user_id) what their facts in {@code tables} say,
     * from scratch: for a rebuild's copies after events were carried into them. The migration that created the
     * rollups filled them by the same rule (V4__summary_rollups.sql).
     */
    public static void refill(Statement statement, FactTables tables, String users) throws SQLException {
        statement.execute("DELETE FROM " + tables.userTotals() + " WHERE user_id IN (" + users + ")");
        statement.execute("INSERT INTO " + tables.userTotals() + " (user_id, events_applied, last_event_at,"
                + " latest_set_completed_at, latest_set_id, latest_timezone)"
                + " SELECT a.user_id, a.events, a.last_event_at, l.completed_at, l.set_id, l.timezone"
                + " FROM (SELECT user_id, count(*) AS events, max(event_time) AS last_event_at FROM " + tables.appliedEvent()
                + " WHERE user_id IN (" + users + ") GROUP BY user_id) a"
                + " LEFT JOIN (SELECT DISTINCT ON (user_id) user_id, completed_at, set_id, timezone FROM " + tables.setFact()
                + " WHERE user_id IN (" + users + ") ORDER BY user_id, completed_at DESC, set_id DESC) l ON l.user_id = a.user_id");
        statement.execute("DELETE FROM " + tables.sessionDayTotals() + " WHERE user_id IN (" + users + ")");
        statement.execute("INSERT INTO " + tables.sessionDayTotals() + " (" + DAY_KEY + ", sets, reps, hold_seconds,"
                + " load_volume_kg) SELECT " + DAY_KEY + ", " + COUNTED + " FROM " + tables.setFact()
                + " WHERE NOT retracted AND user_id IN (" + users + ") GROUP BY " + DAY_KEY);
    }
}
