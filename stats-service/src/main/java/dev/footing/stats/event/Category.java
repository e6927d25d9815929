package dev.footing.stats.event;

import java.util.List;

/**
 * An exercise category as the catalog names it (docs/architecture.md §2). An open list: a category
 * stats does not know yet is kept and counted under its own name.
 */
public record Category(String name) {

    public static final Category STRETCH = new Category("STRETCH");
    public static final Category STRENGTH = new Category("STRENGTH");
    public static final Category MOBILITY = new Category("MOBILITY");
    public static final Category BALANCE = new Category("BALANCE");
    public static final Category PLYOMETRIC = new Category("PLYOMETRIC");
    public static final Category SELF_MASSAGE = new Category("SELF_MASSAGE");
    public static final Category CONDITIONING = new Category("CONDITIONING");

    /** The categories of the catalog when this version of stats was written. */
    public static final List<Category> KNOWN = List.of(STRETCH, STRENGTH, MOBILITY, BALANCE, PLYOMETRIC, SELF_MASSAGE,
            CONDITIONING);

    /** @throws IllegalArgumentException if the name cannot be one (see {@link OpenName}) */
    public Category {
        OpenName.require(name);
    }

    public boolean known() {
        return KNOWN.contains(this);
    }
}
