package dev.footing.stats.facts;

import java.util.List;

/**
 * Names of the tables that hold what the event stream established, and the rollups kept with them
 * ({@link Rollups}). The live set answers queries; a rebuild fills a {@code rebuild_} copy and swaps it in.
 */
public record FactTables(String prefix) {

    public static final FactTables LIVE = new FactTables("");
    public static final FactTables REBUILD = new FactTables("rebuild_");

    /**
     * In the order a swap must lock them: writers touch applied_event first; the summary reads user_totals
     * before session_day_totals.
     */
    public static final List<String> NAMES = List.of("applied_event", "set_fact", "set_retraction", "session_completion",
            "user_totals", "session_day_totals");

    public String appliedEvent() {
        return prefix + "applied_event";
    }

    public String setFact() {
        return prefix + "set_fact";
    }

    public String setRetraction() {
        return prefix + "set_retraction";
    }

    public String sessionCompletion() {
        return prefix + "session_completion";
    }

    public String userTotals() {
        return prefix + "user_totals";
    }

    public String sessionDayTotals() {
        return prefix + "session_day_totals";
    }
}
