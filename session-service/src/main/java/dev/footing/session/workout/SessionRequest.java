package dev.footing.session.workout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/sessions}; with {@code sets} it is a whole finished workout in one call. */
public record SessionRequest(UUID id, String userId, String timezone, UUID programId, Instant startedAt,
        Instant completedAt, String notes, List<SetRequest> sets) {
}
