package dev.footing.session.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One set as an export shows it (docs/architecture.md §9): with its session's time zone and notes, and
 * its exercise's slug and name as the replica knows them now. Retracted sets are not exported.
 */
@JsonPropertyOrder({ "sessionId", "setId", "completedAt", "localDate", "timezone", "exerciseSlug", "exerciseName",
        "side", "reps", "durationSeconds", "loadKg", "rpe", "pain", "notes" })
public record ExportRow(UUID sessionId, UUID setId, Instant completedAt, LocalDate localDate, String timezone,
        @Schema(nullable = true, description = "null when the catalog's replica does not know the exercise") String exerciseSlug,
        @Schema(nullable = true, description = "null when the catalog's replica does not know the exercise") String exerciseName,
        @Schema(nullable = true, description = "LEFT or RIGHT; null for a two-legged set") String side,
        @Schema(nullable = true, description = "null for a DURATION exercise") Integer reps,
        @Schema(nullable = true, description = "null for a REPS exercise") Integer durationSeconds,
        BigDecimal loadKg, @Schema(nullable = true) Integer rpe,
        @Schema(nullable = true, description = "pain during the set, 0-10; null when not reported") Integer pain,
        @Schema(nullable = true, description = "the session's notes") String notes) {

    /** The columns, in order: the CSV header and the JSON field names. */
    public static final List<String> COLUMNS = Arrays.stream(ExportRow.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    /** The values in column order, as text; null stays null (an empty CSV field). */
    public List<String> values() {
        return Arrays.asList(text(sessionId), text(setId), text(completedAt), text(localDate), timezone, exerciseSlug,
                exerciseName, side, text(reps), text(durationSeconds), loadKg == null ? null : loadKg.toPlainString(),
                text(rpe), text(pain), notes);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
