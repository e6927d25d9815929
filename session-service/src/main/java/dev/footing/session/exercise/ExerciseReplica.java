package dev.footing.session.exercise;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    public static Map<UUID, ExerciseReplica> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ExerciseReplica> found = list("id in ?1", ids);
        return found.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
    }
}
