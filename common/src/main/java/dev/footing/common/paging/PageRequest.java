package dev.footing.common.paging;

import java.util.ArrayList;
import java.util.List;

import dev.footing.common.problem.Problem.Violation;
import dev.footing.common.problem.ProblemException;

/**
 * A 0-based page and its size, parsed from the {@code page} and {@code size} query parameters the
 * same way in every service, so bad values are a 400 naming the parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Far beyond any real list; it keeps page × size well inside what an SQL OFFSET takes. */
    public static final int MAX_PAGE = 1_000_000;

    public long offset() {
        return (long) page * size;
    }

    public static PageRequest parse(String page, String size) {
        List<Violation> violations = new ArrayList<>();
        Integer p = parse(violations, "page", page, 0, 0, MAX_PAGE);
        Integer s = parse(violations, "size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.stream().map(v -> v.field() + ": " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse(""), violations);
        }
        return new PageRequest(p, s);
    }

    private static Integer parse(List<Violation> violations, String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String range = min + " to " + max;
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                violations.add(new Violation(name, "must be an integer from " + range + ", got " + value));
                return null;
            }
            return (int) n;
        } catch (NumberFormatException e) {
            violations.add(new Violation(name, "must be an integer from " + range + ", got \"" + value + "\""));
            return null;
        }
    }
}
