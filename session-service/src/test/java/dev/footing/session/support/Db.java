package dev.footing.session.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Reads straight from the service's database, to assert what a request did (or did not) write. */
public final class Db {

    private Db() {
    }

    public static long count(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, args);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, args);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            bind(q, args);
            return q.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of the user's sessions, sets and outbox events: all zero after a rejected first request. */
    public static long rowsOfUser(DataSource db, String userId) {
        return count(db, "select count(*) from workout_session where user_id = ?", userId)
                + count(db, "select count(*) from workout_set s join workout_session w on w.id = s.session_id where w.user_id = ?", userId)
                + count(db, "select count(*) from outbox_event where user_id = ?", userId);
    }

    public static long unsentOf(DataSource db, String userId) {
        return count(db, "select count(*) from outbox_event where user_id = ? and sent_at is null", userId);
    }

    private static void bind(PreparedStatement q, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            q.setObject(i + 1, args[i]);
        }
    }
}
