package dev.footing.stats.summary;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.footing.stats.facts.Rollups;
import dev.footing.stats.facts.Totals;
import dev.footing.stats.goal.Goal;

/**
 * The summaries of many users in two statements, whatever their number: the facts of each user
 * ({@link SummaryFacts}), then the totals of the week each user's "today" falls in, which needs the
 * zone the first statement found. A summary read as seven queries (each its own round trip and
 * connection) per user cost more than the batch of events that made it stale: a busy dashboard
 * round asks for many users at once.
 *
 * <p>Both read the rollups ({@link Rollups}): one {@code user_totals} row per user and the user's
 * {@code session_day_totals} rows (one per day and session), not every set fact and applied event of the
 * user, which every live push aggregated again and which grow with the user's whole history. The totals are
 * the aggregates every total of counted sets is read by ({@link Totals#aggregatesOfRollups}).
 */
final class SummaryQueries {

    private static final String TOTALS = Totals.aggregatesOfRollups("d");

    private SummaryQueries() {
    }

    /** One row per user asked for, users without any event included. */
    static Map<String, SummaryFacts> facts(Connection connection, Collection<String> userIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT u.user_id, t.latest_timezone,"
                + " coalesce(t.events_applied, 0), t.last_event_at, r.*, g.active_days_per_week"
                + " FROM unnest(?::varchar[]) AS u(user_id)"
                + " LEFT JOIN user_totals t ON t.user_id = u.user_id"
                + " CROSS JOIN LATERAL (SELECT " + TOTALS + ","
                + " array_agg(DISTINCT d.local_date ORDER BY d.local_date) FILTER (WHERE d.sets > 0)::text[]"
                + " FROM session_day_totals d WHERE d.user_id = u.user_id) r"
                + " LEFT JOIN user_goal g ON g.user_id = u.user_id")) {
            select.setArray(1, connection.createArrayOf("varchar", userIds.toArray(String[]::new)));
            Map<String, SummaryFacts> facts = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime lastEventAt = rs.getObject(4, OffsetDateTime.class);
                    int goal = rs.getInt(12);
                    if (rs.wasNull()) {
                        goal = Goal.DEFAULT_ACTIVE_DAYS_PER_WEEK;
                    }
                    facts.put(rs.getString(1), new SummaryFacts(rs.getString(2), rs.getLong(3),
                            lastEventAt == null ? null : lastEventAt.toInstant(), Totals.read(rs, 5), dates(rs.getArray(11)),
                            goal));
                }
            }
            return facts;
        }
    }

    /** The totals of each user's counted sets from {@code from} to {@code to} (both included). */
    static Map<String, Totals> totalsBetween(Connection connection, List<String> userIds, List<LocalDate> from,
            List<LocalDate> to) throws SQLException {
        // Per user (LATERAL), so each reads its week's rows by the key: a join let the planner hash the whole table.
        try (PreparedStatement select = connection.prepareStatement("SELECT w.user_id, r.*"
                + " FROM unnest(?::varchar[], ?::date[], ?::date[]) AS w(user_id, first_day, last_day)"
                + " CROSS JOIN LATERAL (SELECT " + TOTALS + " FROM session_day_totals d WHERE d.user_id = w.user_id"
                + " AND d.local_date BETWEEN w.first_day AND w.last_day) r")) {
            select.setArray(1, connection.createArrayOf("varchar", userIds.toArray(String[]::new)));
            select.setArray(2, connection.createArrayOf("varchar", from.stream().map(LocalDate::toString).toArray()));
            select.setArray(3, connection.createArrayOf("varchar", to.stream().map(LocalDate::toString).toArray()));
            Map<String, Totals> totals = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), Totals.read(rs, 2));
                }
            }
            return totals;
        }
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] texts = (Object[]) array.getArray();
        List<LocalDate> dates = new ArrayList<>(texts.length);
        for (Object text : texts) {
            dates.add(LocalDate.parse((String) text));
        }
        return dates;
    }
}
