package dev.footing.stats.guidance;

import java.util.List;

/**
 * How an exercise gets harder (catalog data, docs/architecture.md §9): ladders in the order they move,
 * an optional load step, and the slugs of the harder ({@code next}) and easier ({@code previous}) variations.
 */
public record Progression(List<Ladder> ladders, LoadStep load, String next, String previous) {

    public static final Progression NONE = new Progression(List.of(), null, null, null);

    public Progression {
        ladders = ladders == null ? List.of() : List.copyOf(ladders);
    }
}
