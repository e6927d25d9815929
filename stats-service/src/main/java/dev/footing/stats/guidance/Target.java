package dev.footing.stats.guidance;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to do in a session of {@code exercise}: {@code sets} sets (per leg when {@code perSide}) of
 * {@code reps} repetitions or {@code holdSeconds} seconds, with {@code loadKg} of external load.
 */
public record Target(String exercise, int sets, @Schema(nullable = true) Integer reps,
        @Schema(nullable = true) Integer holdSeconds, BigDecimal loadKg, boolean perSide) {
}
