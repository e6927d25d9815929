package dev.footing.stats.access;

import java.util.List;

/** The answer of GET /api/me/athletes: who shares with {@code viewerId} (the caller), sorted by user id. */
public record SharedAthletes(String viewerId, List<SharedAthlete> athletes) {
}
