package dev.footing.session.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code footing.set.retracted.v1}: a correction; consumers un-count the set. */
@JsonPropertyOrder({ "eventId", "userId", "sessionId", "setId", "retractedAt" })
public record SetRetracted(UUID eventId, String userId, UUID sessionId, UUID setId, Instant retractedAt)
        implements WorkoutEvent {

    public static final String TYPE = "footing.set.retracted.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Instant time() {
        return retractedAt;
    }
}
