package dev.footing.common.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses enum values from query parameters, so an unknown value is a 400 naming the parameter
 * and the allowed values (JAX-RS would answer 404 for a failed query parameter conversion).
 */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "unknown value \"" + value + "\"; allowed: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static <E extends Enum<E>> List<E> parseAll(Class<E> type, String parameter, List<String> values) {
        return values == null ? List.of() : values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .filter(v -> !v.isBlank())
                .map(v -> parse(type, parameter, v))
                .distinct()
                .toList();
    }
}
