package dev.footing.session.exercise;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.session.replica.SnapshotStore;

/** Applies catalog snapshots to the replica table. */
@ApplicationScoped
public class ReplicaStore implements SnapshotStore<ExerciseSnapshot> {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /**
     * Upserts by id. An older snapshot never overwrites a newer one, so replaying the topic from
     * the start (which every instance does on boot) converges on the latest state.
     */
    @Override
    @Transactional
    public void apply(ExerciseSnapshot snapshot) {
        Instant updatedAt = snapshot.updatedAt() != null ? snapshot.updatedAt() : Instant.EPOCH;
        em.createNativeQuery("""
                insert into exercise_replica (id, slug, name, category, body_areas, measurement, unilateral, retired, updated_at, received_at)
                values (:id, :slug, :name, :category, :bodyAreas, :measurement, :unilateral, :retired, :updatedAt, :receivedAt)
                on conflict (id) do update set slug = excluded.slug, name = excluded.name, category = excluded.category,
                    body_areas = excluded.body_areas, measurement = excluded.measurement, unilateral = excluded.unilateral,
                    retired = excluded.retired, updated_at = excluded.updated_at, received_at = excluded.received_at
                where exercise_replica.updated_at <= excluded.updated_at
                """)
                .setParameter("id", snapshot.id())
                .setParameter("slug", snapshot.slug())
                .setParameter("name", snapshot.name())
                .setParameter("category", snapshot.category())
                .setParameter("bodyAreas", bodyAreasJson(snapshot))
                .setParameter("measurement", snapshot.measurement().name())
                .setParameter("unilateral", snapshot.unilateral())
                .setParameter("retired", Boolean.TRUE.equals(snapshot.retired()))
                .setParameter("updatedAt", updatedAt)
                .setParameter("receivedAt", clock.instant())
                .executeUpdate();
    }

    /** A tombstone on the compacted topic: the exercise is gone from the catalog; keep it as retired for history. */
    @Override
    @Transactional
    public void retire(java.util.UUID id) {
        em.createNativeQuery("update exercise_replica set retired = true, received_at = :now where id = :id")
                .setParameter("id", id)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    private String bodyAreasJson(ExerciseSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot.bodyAreas());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
