package dev.footing.stats.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code footing.set.completed.v1}. {@code side} is null when the client gave none; {@code pain} (0-10) and
 * {@code programId} (the session's program) are optional fields added by issue 10, null in older events.
 */
public record SetCompleted(UUID eventId, String userId, Instant eventTime, UUID sessionId, UUID setId,
        ExerciseRef exercise, Integer reps, Integer durationSeconds, BigDecimal loadKg, Side side, Integer rpe,
        Instant completedAt, String timezone, LocalDate localDate, Integer pain, UUID programId) implements WorkoutEvent {

    @Override
    public EventType type() {
        return EventType.SET_COMPLETED;
    }
}
