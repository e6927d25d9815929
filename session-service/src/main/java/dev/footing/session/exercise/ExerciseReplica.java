package dev.footing.session.exercise;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.Session;

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
     * The replicas of these exercises, read by one JDBC query and detached: a request only reads
     * them, so they stay out of the persistence context (no dirty checking of them at every flush of
     * the writing transaction), and no query is built per request.
     */
    public static Map<UUID, ExerciseReplica> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, slug, name, category, body_areas, measurement, unilateral, retired, updated_at, received_at
                    from exercise_replica where id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                Map<UUID, ExerciseReplica> found = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
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
                        found.put(e.id, e);
                    }
                }
                return found;
            }
        });
    }
}
