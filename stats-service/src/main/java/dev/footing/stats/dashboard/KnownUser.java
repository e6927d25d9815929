package dev.footing.stats.dashboard;

import java.time.Instant;

/** A user stats-service has applied events for: what the dashboard's user picker offers. */
public record KnownUser(String userId, long eventsApplied, Instant lastEventAt) {
}
