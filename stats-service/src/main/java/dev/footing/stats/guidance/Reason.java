package dev.footing.stats.guidance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A reason code with its numbers, in a fixed order (the JSON shows them beside {@code code}). */
public record Reason(ReasonCode code, Map<String, Object> numbers) {

    public Reason {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    static Reason of(ReasonCode code, Object... namesAndValues) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            numbers.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Reason(code, numbers);
    }

    /** {@code {"code": ..., <numbers>}}, the shape of {@code why}. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code.name());
        json.putAll(numbers);
        return json;
    }
}
