package dev.footing.stats.event;

/**
 * The rule for values of the contract's open lists (body areas, categories): the catalog may add a
 * value stats has never heard of, and it is kept and counted under its own name rather than refused
 * (docs/architecture.md §4). What the rule still refuses cannot be one: not an upper-case name, or
 * longer than the fact tables hold.
 */
final class OpenName {

    static final int MAX_LENGTH = 32;

    private OpenName() {
    }

    static String require(String name) {
        if (!isName(name)) {
            throw new IllegalArgumentException("must be an upper-case name (A-Z, 0-9, _) of at most " + MAX_LENGTH
                    + " characters: " + name);
        }
        return name;
    }

    /**
     * {@code [A-Z][A-Z0-9_]{0,31}}, checked character by character rather than by a regex: it runs for
     * every category, measurement and body area of every event, and a {@code Matcher} per value was a few
     * per cent of stats-service's CPU per event (docs/architecture.md §10).
     */
    private static boolean isName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !isUpper(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isUpper(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
