package dev.footing.stats.program;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One ISO week of a followed program: sessions planned and done. {@code onPlan} is null for a week before the
 * user followed the program (nothing was planned, so nothing was missed).
 */
public record AdherenceWeek(String week, int planned, int done, @Schema(nullable = true) Boolean onPlan) {
}
