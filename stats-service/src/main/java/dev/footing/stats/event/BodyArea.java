package dev.footing.stats.event;

import java.util.List;

/**
 * A body area as the catalog names it (docs/architecture.md §2). An open list: an area stats does not
 * know yet is kept and counted under its own name.
 */
public record BodyArea(String name) {

    public static final BodyArea TOES = new BodyArea("TOES");
    public static final BodyArea FOOT_ARCH = new BodyArea("FOOT_ARCH");
    public static final BodyArea ANKLE = new BodyArea("ANKLE");
    public static final BodyArea ACHILLES = new BodyArea("ACHILLES");
    public static final BodyArea CALF = new BodyArea("CALF");
    public static final BodyArea SHIN = new BodyArea("SHIN");
    public static final BodyArea KNEE = new BodyArea("KNEE");
    public static final BodyArea QUADRICEPS = new BodyArea("QUADRICEPS");
    public static final BodyArea HAMSTRINGS = new BodyArea("HAMSTRINGS");
    public static final BodyArea GLUTES = new BodyArea("GLUTES");

    /** The areas of the catalog when this version of stats was written. */
    public static final List<BodyArea> KNOWN = List.of(TOES, FOOT_ARCH, ANKLE, ACHILLES, CALF, SHIN, KNEE, QUADRICEPS,
            HAMSTRINGS, GLUTES);

    /** @throws IllegalArgumentException if the name cannot be one (see {@link OpenName}) */
    public BodyArea {
        OpenName.require(name);
    }

    public boolean known() {
        return KNOWN.contains(this);
    }
}
