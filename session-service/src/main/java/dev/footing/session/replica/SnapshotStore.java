package dev.footing.session.replica;

import java.util.UUID;

/** Where a replica keeps the latest snapshot of each catalog entry. */
public interface SnapshotStore<S extends CatalogSnapshot> {

    /** Upserts the snapshot; an older one never overwrites a newer one. */
    void apply(S snapshot);

    /** The entry is gone from the catalog (a tombstone on the compacted topic). */
    void retire(UUID id);
}
