package dev.footing.stats.event;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code footing.session.completed.v1}. Recorded; no total depends on it (sessions count by their sets), but its
 * optional {@code programId} (issue 10) names the session's program for adherence.
 */
public record SessionCompleted(UUID eventId, String userId, Instant eventTime, UUID sessionId, Instant completedAt,
        String timezone, UUID programId) implements WorkoutEvent {

    @Override
    public EventType type() {
        return EventType.SESSION_COMPLETED;
    }
}
