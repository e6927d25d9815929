package dev.footing.stats.event;

import java.util.regex.Pattern;

/**
 * The rule for values of the contract's open lists (body areas, categories): the catalog may add a
 * value stats has never heard of, and it is kept and counted under its own name rather than refused
 * (docs/architecture.md §4). What the rule still refuses cannot be one: not an upper-case name, or
 * longer than the fact tables hold.
 */
final class OpenName {

    static final int MAX_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0," + (MAX_LENGTH - 1) + "}");

    private OpenName() {
    }

    static String require(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("must be an upper-case name (A-Z, 0-9, _) of at most " + MAX_LENGTH
                    + " characters: " + name);
        }
        return name;
    }
}
