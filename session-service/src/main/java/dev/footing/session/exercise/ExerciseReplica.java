package dev.footing.session.exercise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** This service's copy of one catalog exercise, as last seen on {@code exercise-catalog}. */
@Entity
@Table(name = "exercise_replica")
public class ExerciseReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    public String category;

    /** JSON array of body area names, kept as the catalog sent it. */
    @Column(name = "body_areas")
    public String bodyAreas;

    @Enumerated(EnumType.STRING)
    public Measurement measurement;

    public boolean unilateral;

    public boolean retired;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /**
     * The replicas of the exercises whose ids are bound as a {@code uuid[]}, for a writer that reads them
     * by JDBC with the rest of what it needs ({@link #read} each row): a request only reads them, so
     * they stay out of any persistence context, and no query is built per request.
     */
    public static final String SELECT_BY_IDS = """
            select id, slug, name, category, body_areas, measurement, unilateral, retired, updated_at, received_at
            from exercise_replica where id = any(?)""";

    /** The row {@code rs} stands on, of {@link #SELECT_BY_IDS}; detached. */
    public static ExerciseReplica read(ResultSet rs) throws SQLException {
        ExerciseReplica e = new ExerciseReplica();
        e.id = rs.getObject(1, UUID.class);
        e.slug = rs.getString(2);
        e.name = rs.getString(3);
        e.category = rs.getString(4);
        e.bodyAreas = rs.getString(5);
        e.measurement = Measurement.valueOf(rs.getString(6));
        e.unilateral = rs.getBoolean(7);
        e.retired = rs.getBoolean(8);
        e.updatedAt = rs.getTimestamp(9).toInstant();
        e.receivedAt = rs.getTimestamp(10).toInstant();
        return e;
    }
}
