package dev.footing.stats.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Volume of one local date and one group (an exercise id, body area, category, side or "all"). */
public record VolumeRow(LocalDate date, String group, String label, long sets, long reps, long holdSeconds,
        BigDecimal loadVolumeKg) {
}
