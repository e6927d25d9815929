package dev.footing.stats.facts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.footing.stats.event.Positioned;

/**
 * Which events of a batch are new, once the guard has told which ids it inserted. Pure: the
 * database answers with a set of ids, and a batch may hold an id more than once (a producer's
 * retry, a redelivery overlapping the next poll); the first occurrence is the one applied, as
 * when each row of the guard was its own statement.
 */
public final class FirstOccurrences {

    private FirstOccurrences() {
    }

    /** The first item of each key, in the order of {@code items}. */
    public static <T, K> List<T> firstOfEach(List<T> items, Function<T, K> key) {
        Set<K> seen = new HashSet<>();
        List<T> first = new ArrayList<>(items.size());
        for (T item : items) {
            if (seen.add(key.apply(item))) {
                first.add(item);
            }
        }
        return first;
    }

    /**
     * The events to apply: of {@code distinct} (each event id at most once), those whose id the
     * guard inserted now, in batch order. An id the guard already held was applied before.
     */
    public static List<Positioned> fresh(List<Positioned> distinct, Set<UUID> insertedNow) {
        List<Positioned> fresh = new ArrayList<>(insertedNow.size());
        for (Positioned positioned : distinct) {
            if (insertedNow.contains(positioned.event().eventId())) {
                fresh.add(positioned);
            }
        }
        return fresh;
    }
}
