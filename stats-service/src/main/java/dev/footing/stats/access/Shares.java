package dev.footing.stats.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;

/**
 * Who may read whose stats besides the user and admins ({@code viewer_share}). Set through the API,
 * not the topic, so a rebuild keeps it. Stats does not know the identity provider's users: a share
 * names any well-formed id, and takes effect when someone with that id signs in.
 */
@ApplicationScoped
public class Shares {

    /**
     * The last active day from set_fact's per-user index; the last event's time from the summary's rollup
     * (facts/Rollups): user_totals.last_event_at is max(event_time) of the user's applied events, kept by the
     * statement that applies them (retractions and completions included, redeliveries not, as in
     * applied_event), and absent before the first one. So it is what the athlete's own summary says, read
     * from one row instead of an index probe into the largest table.
     */
    private static final String ATHLETES_OF = """
            SELECT v.user_id, v.shared_at,
                   (SELECT max(s.local_date) FROM set_fact s WHERE s.user_id = v.user_id AND NOT s.retracted),
                   t.last_event_at
            FROM viewer_share v LEFT JOIN user_totals t ON t.user_id = v.user_id
            WHERE v.viewer_id = ? ORDER BY v.user_id""";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    public boolean isShared(String userId, String viewerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT 1 FROM viewer_share WHERE user_id = ? AND viewer_id = ?")) {
            select.setString(1, userId);
            select.setString(2, viewerId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Idempotent: sharing again keeps the first {@code since}. */
    public void share(String userId, String viewerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO viewer_share (user_id, viewer_id, shared_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT (user_id, viewer_id) DO NOTHING")) {
            insert.setString(1, userId);
            insert.setString(2, viewerId);
            insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public void stop(String userId, String viewerId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM viewer_share WHERE user_id = ? AND viewer_id = ?")) {
            delete.setString(1, userId);
            delete.setString(2, viewerId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    public List<Viewer> viewersOf(String userId) {
        List<Viewer> viewers = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT viewer_id, shared_at FROM viewer_share WHERE user_id = ? ORDER BY viewer_id")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    viewers.add(new Viewer(rs.getString(1), instant(rs, 2)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return viewers;
    }

    public List<SharedAthlete> athletesOf(String viewerId) {
        List<SharedAthlete> athletes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(ATHLETES_OF)) {
            select.setString(1, viewerId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    athletes.add(new SharedAthlete(rs.getString(1), instant(rs, 2), rs.getObject(3, LocalDate.class),
                            instant(rs, 4)));
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return athletes;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("viewer share query failed: " + e.getMessage(), e);
    }
}
