package dev.footing.catalog.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The list filters of {@code GET /api/exercises} as one SQL condition: AND across filters, OR
 * within one filter's values, retired exercises never listed. Values are bound as parameters;
 * enum lists travel as one comma-joined string (enum names have no commas) split in SQL, which
 * binds the same way on every driver.
 */
public record ExerciseFilter(String q, List<Category> categories, List<BodyArea> bodyAreas,
        List<Equipment> equipment, List<Difficulty> difficulties) {

    public static final int MAX_QUERY = 200;

    public String where() {
        List<String> conditions = new ArrayList<>();
        conditions.add("not retired");
        if (hasQuery()) {
            conditions.add("(name ilike :q escape '\\' or summary ilike :q escape '\\'"
                    + " or array_to_string(instructions, ' ') ilike :q escape '\\')");
        }
        if (!categories.isEmpty()) {
            conditions.add("category = any(string_to_array(:categories, ','))");
        }
        if (!bodyAreas.isEmpty()) {
            conditions.add("body_areas && string_to_array(:bodyAreas, ',')");
        }
        if (!equipment.isEmpty()) {
            conditions.add("equipment && string_to_array(:equipment, ',')");
        }
        if (!difficulties.isEmpty()) {
            conditions.add("difficulty = any(string_to_array(:difficulties, ','))");
        }
        return String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (hasQuery()) {
            p.put("q", "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        put(p, "categories", categories);
        put(p, "bodyAreas", bodyAreas);
        put(p, "equipment", equipment);
        put(p, "difficulties", difficulties);
        return p;
    }

    private boolean hasQuery() {
        return q != null && !q.isBlank();
    }

    private static void put(Map<String, Object> p, String name, List<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            p.put(name, values.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
    }

    /** A user's "%" or "_" is a character to find, not a wildcard. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
