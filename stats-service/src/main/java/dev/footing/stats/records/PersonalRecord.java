package dev.footing.stats.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A record value with the set that made it (the first to reach it) and that set's local date. */
public record PersonalRecord(Number value, UUID setId, LocalDate date, Instant completedAt) {
}
