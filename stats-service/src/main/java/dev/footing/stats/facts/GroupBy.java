package dev.footing.stats.facts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.footing.common.problem.ProblemException;

/** How volume is split into series. */
public enum GroupBy {
    NONE("none"), EXERCISE("exercise"), BODY_AREA("bodyArea"), CATEGORY("category"), SIDE("side");

    private final String parameter;

    GroupBy(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** Accepts the documented spelling ({@code bodyArea}) in any case, and {@code body_area}. */
    public static GroupBy parse(String parameterName, String value) {
        String wanted = value.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.parameter.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField(parameterName, "unknown value \"" + value + "\"; allowed: "
                        + Arrays.stream(values()).map(GroupBy::parameter).collect(Collectors.joining(", "))));
    }
}
