package dev.footing.session.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code footing.set.completed.v1}: field names and order are the event contract (docs/architecture.md §4). */
@JsonPropertyOrder({ "eventId", "userId", "sessionId", "setId", "exercise", "reps", "durationSeconds", "loadKg",
        "side", "rpe", "completedAt", "timezone", "localDate" })
public record SetCompleted(UUID eventId, String userId, UUID sessionId, UUID setId, ExerciseRef exercise,
        Integer reps, Integer durationSeconds, BigDecimal loadKg, String side, Integer rpe, Instant completedAt,
        String timezone, LocalDate localDate) implements WorkoutEvent {

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
