package dev.footing.stats.guidance;

import java.math.BigDecimal;

/**
 * What to do in a session of {@code exercise}: {@code sets} sets (per leg when {@code perSide}) of
 * {@code reps} repetitions or {@code holdSeconds} seconds, with {@code loadKg} of external load.
 */
public record Target(String exercise, int sets, Integer reps, Integer holdSeconds, BigDecimal loadKg, boolean perSide) {
}
