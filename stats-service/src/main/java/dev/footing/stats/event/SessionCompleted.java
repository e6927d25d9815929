package dev.footing.stats.event;

import java.time.Instant;
import java.util.UUID;

/** {@code footing.session.completed.v1}. Recorded; no number depends on it (sessions count by their sets). */
public record SessionCompleted(UUID eventId, String userId, Instant eventTime, UUID sessionId, Instant completedAt,
        String timezone) implements WorkoutEvent {

    @Override
    public EventType type() {
        return EventType.SESSION_COMPLETED;
    }
}
