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

import dev.footing.common.db.GenericPlan;
import dev.footing.stats.facts.Rollups;
import dev.footing.stats.facts.Totals;
import dev.footing.stats.goal.Goal;
import dev.footing.stats.time.Bucket;

/**
 * The summaries of many users in one statement, whatever their number: the facts of each user
 * ({@link SummaryFacts}) and the totals of the week each user's "today" falls in. Which week that is depends
 * on the user's zone, which the same statement reads; but wherever a user is, their "today" lies between
 * today at UTC-18 and today at UTC+18, so it falls in one of at most two weeks, and the statement totals both
 * in the same scan of the user's rows as the all-time totals (aggregates with a {@code FILTER}). One statement
 * is one snapshot: two statements in autocommit (as this was, the zone first) could see two different commits
 * of the consumer. It is one round trip fewer too, which measured no faster: the larger aggregate costs about
 * what the round trip did (docs/architecture.md §10). It is planned once per connection ({@link GenericPlan}):
 * planned for each read's users, it took half the time of a one-user read.
 * A summary read as seven queries (each its own round trip and connection) per user cost more than the batch
 * of events that made it stale: a busy dashboard round asks for many users at once.
 *
 * <p>It reads the rollups ({@link Rollups}): one {@code user_totals} row per user and the user's
 * {@code session_day_totals} rows (one per day and session), not every set fact and applied event of the
 * user, which every live push aggregated again and which grow with the user's whole history. The totals are
 * the aggregates every total of counted sets is read by ({@link Totals#aggregatesOfRollups}).
 */
final class SummaryQueries {

    private static final String TOTALS = Totals.aggregatesOfRollups("d");
    /** The same totals over the rows of each of the two weeks ({@code w}: their first and last days). */
    private static final String FIRST_WEEK = Totals.aggregatesOfRollups("d", "d.local_date BETWEEN w.first_from AND w.first_to");
    private static final String LAST_WEEK = Totals.aggregatesOfRollups("d", "d.local_date BETWEEN w.last_from AND w.last_to");
    /** The columns of {@link Totals#read}. */
    private static final int TOTALS_COLUMNS = 6;

    private SummaryQueries() {
    }

    /**
     * One row per user asked for, users without any event included, with the totals of the weeks that start on
     * {@code firstMonday} and on {@code lastMonday} (the same week when they are equal).
     */
    static Map<String, SummaryFacts> facts(Connection connection, Collection<String> userIds, LocalDate firstMonday,
            LocalDate lastMonday) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(GenericPlan.of("SELECT u.user_id, t.latest_timezone,"
                + " coalesce(t.events_applied, 0), t.last_event_at, r.*, g.active_days_per_week"
                + " FROM unnest(?::varchar[]) AS u(user_id)"
                + " CROSS JOIN (VALUES (?::date, ?::date, ?::date, ?::date)) AS w(first_from, first_to, last_from, last_to)"
                + " LEFT JOIN user_totals t ON t.user_id = u.user_id"
                + " CROSS JOIN LATERAL (SELECT " + TOTALS + ","
                + " array_agg(DISTINCT d.local_date ORDER BY d.local_date) FILTER (WHERE d.sets > 0)::text[], "
                + FIRST_WEEK + ", " + LAST_WEEK
                + " FROM session_day_totals d WHERE d.user_id = u.user_id) r"
                + " LEFT JOIN user_goal g ON g.user_id = u.user_id"))) {
            select.setArray(1, connection.createArrayOf("varchar", userIds.toArray(String[]::new)));
            select.setObject(2, firstMonday);
            select.setObject(3, Bucket.WEEK.end(firstMonday));
            select.setObject(4, lastMonday);
            select.setObject(5, Bucket.WEEK.end(lastMonday));
            Map<String, SummaryFacts> facts = new HashMap<>();
            try (ResultSet rs = GenericPlan.query(select)) {
                while (rs.next()) {
                    OffsetDateTime lastEventAt = rs.getObject(4, OffsetDateTime.class);
                    int goal = rs.getInt(12 + 2 * TOTALS_COLUMNS);
                    if (rs.wasNull()) {
                        goal = Goal.DEFAULT_ACTIVE_DAYS_PER_WEEK;
                    }
                    Map<LocalDate, Totals> weeks = new HashMap<>(4);
                    weeks.put(firstMonday, Totals.read(rs, 12));
                    weeks.put(lastMonday, Totals.read(rs, 12 + TOTALS_COLUMNS));
                    facts.put(rs.getString(1), new SummaryFacts(rs.getString(2), rs.getLong(3),
                            lastEventAt == null ? null : lastEventAt.toInstant(), Totals.read(rs, 5), dates(rs.getArray(11)),
                            goal, weeks));
                }
            }
            return facts;
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
