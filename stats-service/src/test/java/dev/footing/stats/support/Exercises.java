package dev.footing.stats.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Exercises as set events describe them, with the catalog's deterministic ids. */
public record Exercises(UUID id, String slug, String name, String category, List<String> bodyAreas,
        String measurement, boolean unilateral) {

    public static final Exercises CALF_RAISE = of("single-leg-calf-raise", "Single-leg calf raise", "STRENGTH",
            List.of("CALF", "ACHILLES"), "REPS", true);
    public static final Exercises WALL_STRETCH = of("calf-wall-stretch", "Calf wall stretch", "STRETCH",
            List.of("CALF"), "DURATION", true);
    public static final Exercises TOWEL_CURL = of("towel-toe-curl", "Towel toe curl", "STRENGTH",
            List.of("TOES", "FOOT_ARCH"), "REPS", false);
    /** From a catalog newer than stats: a category and a body area stats has never heard of. */
    public static final Exercises POOL_KICKS = of("pool-kicks", "Pool kicks", "AQUA_THERAPY",
            List.of("HIP_FLEXORS", "CALF"), "REPS", false);

    /** The article's curb jumps: two feet (20 -> 40 reps), then the harder one-leg form. */
    public static final Exercises CURB_JUMP = of("curb-jump-two-feet", "Curb jump on both feet", "STRENGTH",
            List.of("FOOT_ARCH", "CALF"), "REPS", false);
    public static final Exercises CURB_JUMP_ONE_LEG = of("curb-jump-one-leg", "Curb jump on one leg", "STRENGTH",
            List.of("FOOT_ARCH", "CALF"), "REPS", true);

    private static Exercises of(String slug, String name, String category, List<String> bodyAreas, String measurement,
            boolean unilateral) {
        return new Exercises(UUID.nameUUIDFromBytes(("footing:exercise:" + slug).getBytes(StandardCharsets.UTF_8)), slug,
                name, category, bodyAreas, measurement, unilateral);
    }
}
