package dev.footing.session.workout;

import java.time.Instant;

/** Optional body of {@code POST /api/sessions/{id}/complete}; completedAt defaults to now. */
public record CompleteRequest(Instant completedAt) {
}
