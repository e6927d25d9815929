package dev.footing.stats.program;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;

/**
 * A user's sessions that name a program, from the facts: the program is the one its sets carry, else the one
 * its completion event carries (events older than issue 10 carry none, and such sessions name no program).
 */
@ApplicationScoped
public class ProgramSessions {

    @Inject
    DataSource dataSource;

    public List<ProgramSession> of(String userId) {
        String sql = "SELECT s.session_id, coalesce(min(s.program_id::text), min(c.program_id::text)), min(s.local_date),"
                + " array_agg(DISTINCT s.exercise_id) FROM set_fact s"
                + " LEFT JOIN session_completion c ON c.session_id = s.session_id AND c.user_id = s.user_id"
                + " WHERE s.user_id = ? AND NOT s.retracted GROUP BY s.session_id"
                + " HAVING coalesce(min(s.program_id::text), min(c.program_id::text)) IS NOT NULL";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, userId);
            List<ProgramSession> sessions = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sessions.add(new ProgramSession(rs.getObject(1, UUID.class), UUID.fromString(rs.getString(2)),
                            rs.getObject(3, LocalDate.class), Set.of((UUID[]) rs.getArray(4).getArray())));
                }
            }
            return sessions;
        } catch (SQLException e) {
            throw new StoreUnavailableException("program sessions query failed: " + e.getMessage(), e);
        }
    }
}
