package dev.footing.stats.facts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;

/**
 * Read queries over the counted sets of one user (completed and not retracted). Every number is an
 * aggregate over these rows at query time, or over the rollups ({@link Rollups}) that the statements
 * changing these rows keep with them (active days, the latest zone, events applied).
 */
@ApplicationScoped
public class CountedSets {

    @Inject
    DataSource dataSource;

    /** Totals of the user's counted sets; null bounds and exercise mean "all". */
    public Totals totals(String userId, LocalDate from, LocalDate to, UUID exerciseId) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + Totals.aggregates("set_fact") + " FROM set_fact WHERE " + countedSets(userId, from, to, exerciseId, args);
        return query(sql, args, rs -> Totals.read(rs, 1)).get(0);
    }

    public List<LocalDate> activeDays(String userId) {
        return query("SELECT local_date FROM session_day_totals WHERE user_id = ? AND sets > 0 GROUP BY local_date"
                + " ORDER BY local_date", List.of(userId), rs -> rs.getObject(1, LocalDate.class));
    }

    /** The zone of the user's most recently completed set (retracted or not): where they are now. */
    public Optional<String> latestTimezone(String userId) {
        return query("SELECT latest_timezone FROM user_totals WHERE user_id = ? AND latest_timezone IS NOT NULL",
                List.of(userId), rs -> rs.getString(1)).stream().findFirst();
    }

    /** Events applied per user, for many users in one query (one row each); users without any are left out. */
    public Map<String, Long> eventsApplied(Collection<String> userIds) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : query("SELECT user_id, events_applied FROM user_totals WHERE user_id = ANY (?)",
                Collections.singletonList(userIds.toArray(String[]::new)), rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Per local date and group, in [from, to]. A set with several body areas counts fully in each. */
    public List<VolumeRow> volume(String userId, LocalDate from, LocalDate to, GroupBy groupBy) {
        String group;
        String label;
        String source = "set_fact s";
        switch (groupBy) {
            case NONE -> {
                group = "'all'";
                label = "'all'";
            }
            case EXERCISE -> {
                group = "s.exercise_id::text";
                label = "max(s.exercise_name)";
            }
            case BODY_AREA -> {
                source = "set_fact s CROSS JOIN LATERAL unnest(s.body_areas) AS area(name)";
                group = "area.name";
                label = "area.name";
            }
            case CATEGORY -> {
                group = "s.category";
                label = "s.category";
            }
            case SIDE -> {
                group = "coalesce(s.side, 'NONE')";
                label = group;
            }
            default -> throw new IllegalArgumentException(groupBy.name());
        }
        // The label repeats the grouped expression, except for exercises where the name is aggregated.
        String sql = "SELECT s.local_date, " + group + " AS grp, " + label + ", count(*), coalesce(sum(s.reps), 0),"
                + " coalesce(sum(s.duration_seconds), 0), coalesce(sum(s.reps * s.load_kg), 0) FROM " + source
                + " WHERE s.user_id = ? AND NOT s.retracted AND s.local_date BETWEEN ? AND ?"
                + " GROUP BY s.local_date, grp ORDER BY s.local_date, grp";
        return query(sql, List.of(userId, from, to), rs -> new VolumeRow(rs.getObject(1, LocalDate.class), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7)));
    }

    /** Totals per active local date in [from, to] (null bounds: all), optionally of one exercise. */
    public List<DayTotals> perDay(String userId, LocalDate from, LocalDate to, UUID exerciseId) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT local_date, count(DISTINCT session_id), count(*), coalesce(sum(reps), 0),"
                + " coalesce(sum(duration_seconds), 0), coalesce(sum(reps * load_kg), 0)"
                + " FROM set_fact WHERE " + countedSets(userId, from, to, exerciseId, args)
                + " GROUP BY local_date ORDER BY local_date";
        return query(sql, args, rs -> new DayTotals(rs.getObject(1, LocalDate.class), true, rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), Totals.kg(rs.getBigDecimal(6))));
    }

    /** Every exercise with counted sets (or just one), as its most recent counted set described it. */
    public List<ExerciseInfo> exercises(String userId, UUID exerciseId) {
        String sql = "SELECT DISTINCT ON (exercise_id) exercise_id, exercise_slug, exercise_name, category, body_areas,"
                + " measurement, unilateral FROM set_fact WHERE user_id = ? AND NOT retracted"
                + (exerciseId == null ? "" : " AND exercise_id = ?")
                + " ORDER BY exercise_id, completed_at DESC, set_id DESC";
        List<Object> args = exerciseId == null ? List.of(userId) : List.of(userId, exerciseId);
        return query(sql, args, rs -> new ExerciseInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), strings(rs.getArray(5)), rs.getString(6), rs.getBoolean(7)));
    }

    /** The kinds of personal record, with the set value each compares. */
    public enum RecordKind {
        MOST_REPS("reps", "reps IS NOT NULL"),
        HEAVIEST_LOAD("load_kg", "load_kg > 0"),
        LONGEST_HOLD("duration_seconds", "duration_seconds IS NOT NULL"),
        LARGEST_LOAD_VOLUME("reps * load_kg", "reps IS NOT NULL AND load_kg > 0");

        final String value;
        final String applies;

        RecordKind(String value, String applies) {
            this.value = value;
            this.applies = applies;
        }
    }

    /** Per exercise, the set with the highest value; on a tie the first one completed made the record. */
    public List<RecordRow> records(String userId, UUID exerciseId, RecordKind kind) {
        String sql = "SELECT DISTINCT ON (exercise_id) exercise_id, set_id, local_date, completed_at, " + kind.value
                + " FROM set_fact WHERE user_id = ? AND NOT retracted AND " + kind.applies
                + (exerciseId == null ? "" : " AND exercise_id = ?")
                + " ORDER BY exercise_id, " + kind.value + " DESC, completed_at, set_id";
        List<Object> args = exerciseId == null ? List.of(userId) : List.of(userId, exerciseId);
        return query(sql, args, rs -> new RecordRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, LocalDate.class), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBigDecimal(5)));
    }

    /** LEFT and RIGHT sets of unilateral exercises (BOTH works the two sides alike and says nothing of balance). */
    public List<SideRow> sides(String userId) {
        return query("SELECT exercise_id, side, count(*), coalesce(sum(reps), 0), coalesce(sum(duration_seconds), 0)"
                + " FROM set_fact WHERE user_id = ? AND NOT retracted AND unilateral AND side IN ('LEFT', 'RIGHT')"
                + " GROUP BY exercise_id, side", List.of(userId),
                rs -> new SideRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * The condition for the user's counted sets in [from, to] (null bounds: unbounded), optionally of
     * one exercise; appends its parameters to {@code args}.
     */
    private static String countedSets(String userId, LocalDate from, LocalDate to, UUID exerciseId, List<Object> args) {
        StringBuilder where = new StringBuilder("user_id = ? AND NOT retracted");
        args.add(userId);
        if (from != null) {
            where.append(" AND local_date >= ?");
            args.add(from);
        }
        if (to != null) {
            where.append(" AND local_date <= ?");
            args.add(to);
        }
        if (exerciseId != null) {
            where.append(" AND exercise_id = ?");
            args.add(exerciseId);
        }
        return where.toString();
    }

    private <T> List<T> query(String sql, List<Object> args, Row<T> row) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("query failed: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
