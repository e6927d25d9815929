package dev.footing.stats.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.db.StoreUnavailableException;
import dev.footing.common.security.Roles;

/** The most recently active users, for the dashboard's user picker: an admin's, since it names everyone. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
public class KnownUsersResource {

    private static final String RECENT_USERS = """
            SELECT user_id, events_applied, last_event_at FROM user_totals
            ORDER BY last_event_at DESC LIMIT 200""";

    @Inject
    DataSource dataSource;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KnownUser> users() {
        List<KnownUser> users = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(RECENT_USERS);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Timestamp last = rs.getTimestamp(3);
                users.add(new KnownUser(rs.getString(1), rs.getLong(2), last == null ? null : last.toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("user list query failed: " + e.getMessage(), e);
        }
        return users;
    }
}
