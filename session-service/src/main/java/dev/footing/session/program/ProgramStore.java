package dev.footing.session.program;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.footing.session.replica.SnapshotStore;

/** Applies program snapshots to the replica table, as {@code exercise.ReplicaStore} does for exercises. */
@ApplicationScoped
public class ProgramStore implements SnapshotStore<ProgramSnapshot> {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Upserts by id. An older snapshot never overwrites a newer one, so replaying the topic from the
     * start (which every instance does on boot) converges on the latest state.
     */
    @Override
    @Transactional
    public void apply(ProgramSnapshot snapshot) {
        em.createNativeQuery("""
                insert into program_replica (id, slug, name, retired, updated_at, received_at)
                values (:id, :slug, :name, :retired, :updatedAt, :receivedAt)
                on conflict (id) do update set slug = excluded.slug, name = excluded.name, retired = excluded.retired,
                    updated_at = excluded.updated_at, received_at = excluded.received_at
                where program_replica.updated_at <= excluded.updated_at
                """)
                .setParameter("id", snapshot.id())
                .setParameter("slug", snapshot.slug())
                .setParameter("name", snapshot.name())
                .setParameter("retired", Boolean.TRUE.equals(snapshot.retired()))
                .setParameter("updatedAt", snapshot.updatedAt() != null ? snapshot.updatedAt() : Instant.EPOCH)
                .setParameter("receivedAt", clock.instant())
                .executeUpdate();
    }

    /** A tombstone: the program is gone from the catalog; kept as retired, since sessions name it. */
    @Override
    @Transactional
    public void retire(UUID id) {
        em.createNativeQuery("update program_replica set retired = true, received_at = :now where id = :id")
                .setParameter("id", id)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }
}
