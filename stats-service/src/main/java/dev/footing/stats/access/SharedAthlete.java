package dev.footing.stats.access;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A user who shares their stats with the caller: since when, their last active day (local date of
 * their latest counted set) and the time of their latest event, for a coach's list of athletes.
 */
public record SharedAthlete(String userId, Instant since, LocalDate lastActiveDate, Instant lastEventAt) {
}
