package dev.footing.session.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in the outbox, as the relay loads it: {@code payload} is its body in UTF-8, as
 * stored and as sent; {@code traceparent} may be null.
 */
public record OutboxRow(long id, UUID eventId, String userId, String type, byte[] payload, Instant occurredAt,
        String traceparent) {
}
