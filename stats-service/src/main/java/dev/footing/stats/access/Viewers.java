package dev.footing.stats.access;

import java.util.List;

/** The answer of GET /api/users/{userId}/viewers, sorted by viewer id. */
public record Viewers(String userId, List<Viewer> viewers) {
}
