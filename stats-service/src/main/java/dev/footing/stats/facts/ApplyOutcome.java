package dev.footing.stats.facts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.footing.stats.event.Positioned;

/**
 * What applying a batch did. {@code unknownSetRetractions} were recorded as pending (their set
 * may still arrive) and are reported so a copy can go to the dead-letter topic;
 * {@code rejected} could not be stored at all (reason per event), nothing of them was kept.
 */
public record ApplyOutcome(int applied, int duplicates, Set<String> users, List<Positioned> unknownSetRetractions,
        Map<Positioned, String> rejected) {
}
