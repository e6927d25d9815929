package dev.footing.session.replica;

/** A snapshot read from a compacted catalog topic. */
public interface CatalogSnapshot {

    /** Whether it carries what the replica needs; anything less is skipped with a warning. */
    boolean isComplete();
}
