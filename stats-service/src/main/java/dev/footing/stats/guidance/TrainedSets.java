package dev.footing.stats.guidance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;
import dev.footing.stats.event.Measurement;
import dev.footing.stats.event.Side;

/** A user's counted sets (completed, not retracted) per exercise, as the rule reads them. */
@ApplicationScoped
public class TrainedSets {

    /** One exercise's counted sets, and the exercise as its most recent set described it. */
    public record OfExercise(UUID id, String slug, String name, Measurement measurement, boolean unilateral,
            List<TrainedSet> sets) {
    }

    @Inject
    DataSource dataSource;

    /** Every exercise with counted sets, or only the one with this id or slug (null: all). */
    public List<OfExercise> of(String userId, UUID exerciseId, String slug) {
        String sql = "SELECT exercise_id, exercise_slug, exercise_name, measurement, unilateral, session_id, local_date,"
                + " completed_at, side, reps, duration_seconds, load_kg, pain FROM set_fact"
                + " WHERE user_id = ? AND NOT retracted"
                + (exerciseId != null ? " AND exercise_id = ?" : "")
                + (slug != null ? " AND exercise_id IN (SELECT exercise_id FROM set_fact WHERE user_id = ? AND NOT retracted"
                        + " AND exercise_slug = ?)" : "")
                // The last row of an exercise is its most recent set: its description wins.
                + " ORDER BY exercise_id, completed_at, set_id";
        Map<UUID, OfExercise> exercises = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, userId);
            if (exerciseId != null) {
                select.setObject(i++, exerciseId);
            }
            if (slug != null) {
                select.setString(i++, userId);
                select.setString(i, slug);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    List<TrainedSet> sets = exercises.containsKey(id) ? exercises.get(id).sets() : new ArrayList<>();
                    String side = rs.getString(9);
                    sets.add(new TrainedSet(rs.getObject(6, UUID.class), rs.getObject(7, LocalDate.class),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), side == null ? null : Side.valueOf(side),
                            (Integer) rs.getObject(10), (Integer) rs.getObject(11), rs.getBigDecimal(12),
                            (Integer) rs.getObject(13)));
                    exercises.put(id, new OfExercise(id, rs.getString(2), rs.getString(3), Measurement.valueOf(rs.getString(4)),
                            rs.getBoolean(5), sets));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("guidance query failed: " + e.getMessage(), e);
        }
        return List.copyOf(exercises.values());
    }

}
