package dev.footing.session.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An event on {@code workout-events}: keyed by user, typed by its CloudEvents {@code ce_type}. */
public sealed interface WorkoutEvent permits SetCompleted, SetRetracted, SessionCompleted {

    String SOURCE = "/footing/session-service";

    UUID eventId();

    String userId();

    @JsonIgnore
    String type();

    /** CloudEvents {@code time}: when the thing happened (the set was done, retracted, the session ended). */
    @JsonIgnore
    Instant time();

    /**
     * Event ids derive from what they describe: a set completes once and is retracted once, a
     * session completes once. A retried request can therefore never mint a second id for the same fact.
     */
    static UUID eventId(String type, UUID subject) {
        return UUID.nameUUIDFromBytes(("footing:event:" + type + ":" + subject).getBytes(StandardCharsets.UTF_8));
    }
}
