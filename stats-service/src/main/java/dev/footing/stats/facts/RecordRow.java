package dev.footing.stats.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The set that holds one record of one exercise. */
public record RecordRow(UUID exerciseId, UUID setId, LocalDate date, Instant completedAt, BigDecimal value) {
}
