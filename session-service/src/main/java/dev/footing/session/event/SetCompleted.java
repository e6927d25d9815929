package dev.footing.session.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code footing.set.completed.v1}: field names and order are the event contract (docs/architecture.md §4).
 * {@code programId} (the session's program) and {@code pain} were added later as optional fields: written
 * as null when absent, and events published before them, without the fields, stay valid.
 */
@JsonPropertyOrder({ "eventId", "userId", "sessionId", "programId", "setId", "exercise", "reps", "durationSeconds",
        "loadKg", "side", "rpe", "pain", "completedAt", "timezone", "localDate" })
public record SetCompleted(UUID eventId, String userId, UUID sessionId, UUID programId, UUID setId, ExerciseRef exercise,
        Integer reps, Integer durationSeconds, BigDecimal loadKg, String side, Integer rpe, Integer pain,
        Instant completedAt, String timezone, LocalDate localDate) implements WorkoutEvent {

    public static final String TYPE = "footing.set.completed.v1";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Instant time() {
        return completedAt;
    }
}
