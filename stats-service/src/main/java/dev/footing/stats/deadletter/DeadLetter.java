package dev.footing.stats.deadletter;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One message of {@code workout-events-dlq}: where it sits there, why it was refused, where it came
 * from, and its body as text (the first {@value DeadLetterTopic#PAYLOAD_CHARS} characters;
 * {@code payloadBytes} is its whole size). Kind and reason are what stats-service wrote beside it; a
 * message put there by anything else may lack them.
 */
public record DeadLetter(int partition, long offset, Instant failedAt, @Schema(nullable = true) String kind,
        @Schema(nullable = true) String reason,
        @Schema(nullable = true) String originalTopic, @Schema(nullable = true) Integer originalPartition,
        @Schema(nullable = true) Long originalOffset, @Schema(nullable = true) String userId,
        @Schema(nullable = true) String eventId, @Schema(nullable = true) String type,
        @Schema(nullable = true) String payload, int payloadBytes) {
}
