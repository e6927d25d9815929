package dev.footing.stats.event;

import java.time.Instant;
import java.util.UUID;

/** {@code footing.set.retracted.v1}: a correction, the set must no longer count. */
public record SetRetracted(UUID eventId, String userId, Instant eventTime, UUID sessionId, UUID setId,
        Instant retractedAt) implements WorkoutEvent {

    @Override
    public EventType type() {
        return EventType.SET_RETRACTED;
    }
}
