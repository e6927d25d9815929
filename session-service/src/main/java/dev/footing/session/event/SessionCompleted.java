package dev.footing.session.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code footing.session.completed.v1}; {@code programId} is an optional field added later (null when absent). */
@JsonPropertyOrder({ "eventId", "userId", "sessionId", "programId", "completedAt", "timezone" })
public record SessionCompleted(UUID eventId, String userId, UUID sessionId, UUID programId, Instant completedAt,
        String timezone)
        implements WorkoutEvent {

    public static final String TYPE = "footing.session.completed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Instant time() {
        return completedAt;
    }
}
