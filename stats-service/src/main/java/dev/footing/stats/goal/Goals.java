package dev.footing.stats.goal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;

/** Per-user goals, kept apart from the event facts: they come from the API, and a rebuild keeps them. */
@ApplicationScoped
public class Goals {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    public int activeDaysPerWeek(String userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT active_days_per_week FROM user_goal WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : Goal.DEFAULT_ACTIVE_DAYS_PER_WEEK;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("goal query failed: " + e.getMessage(), e);
        }
    }

    public void set(String userId, int activeDaysPerWeek) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO user_goal (user_id, active_days_per_week,"
                        + " updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE"
                        + " SET active_days_per_week = EXCLUDED.active_days_per_week, updated_at = EXCLUDED.updated_at")) {
            upsert.setString(1, userId);
            upsert.setInt(2, activeDaysPerWeek);
            upsert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreUnavailableException("goal query failed: " + e.getMessage(), e);
        }
    }
}
