package dev.footing.stats.event;

import java.time.Instant;
import java.util.UUID;

/** One parsed, valid event of topic {@code workout-events}. */
public sealed interface WorkoutEvent permits SetCompleted, SetRetracted, SessionCompleted {

    UUID eventId();

    String userId();

    /** The {@code ce_time} header: when session-service recorded the change. */
    Instant eventTime();

    EventType type();
}
