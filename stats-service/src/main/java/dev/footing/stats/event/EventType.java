package dev.footing.stats.event;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents types of topic {@code workout-events} (docs/architecture.md §4). */
public enum EventType {
    SET_COMPLETED("footing.set.completed.v1"),
    SET_RETRACTED("footing.set.retracted.v1"),
    SESSION_COMPLETED("footing.session.completed.v1");

    private final String ceType;

    EventType(String ceType) {
        this.ceType = ceType;
    }

    public String ceType() {
        return ceType;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
