package dev.footing.stats.program;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;

/** The programs each user follows: set through the API like goals, kept apart from the event facts. */
@ApplicationScoped
public class ProgramFollows {

    /** A follow as stored. */
    public record Row(UUID programId, int sessionsPerWeek, LocalDate since) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Follows, or changes the sessions per week of a follow; following again keeps the first {@code since}. */
    public Row follow(String userId, UUID programId, int sessionsPerWeek, LocalDate today) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO program_follow (user_id, program_id,"
                        + " sessions_per_week, since, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, program_id)"
                        + " DO UPDATE SET sessions_per_week = EXCLUDED.sessions_per_week, updated_at = EXCLUDED.updated_at"
                        + " RETURNING sessions_per_week, since")) {
            upsert.setString(1, userId);
            upsert.setObject(2, programId);
            upsert.setInt(3, sessionsPerWeek);
            upsert.setObject(4, today);
            upsert.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return new Row(programId, rs.getInt(1), rs.getObject(2, LocalDate.class));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("program follow failed: " + e.getMessage(), e);
        }
    }

    public void unfollow(String userId, UUID programId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM program_follow WHERE user_id = ? AND program_id = ?")) {
            delete.setString(1, userId);
            delete.setObject(2, programId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreUnavailableException("program unfollow failed: " + e.getMessage(), e);
        }
    }

    public List<Row> of(String userId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT program_id, sessions_per_week, since"
                        + " FROM program_follow WHERE user_id = ? ORDER BY since, program_id")) {
            select.setString(1, userId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, LocalDate.class)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreUnavailableException("program follows query failed: " + e.getMessage(), e);
        }
    }
}
