package dev.footing.session.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One set as an export shows it (docs/architecture.md §9): with its session's time zone and notes, and
 * its exercise's slug and name as the replica knows them now. Retracted sets are not exported.
 */
@JsonPropertyOrder({ "sessionId", "setId", "completedAt", "localDate", "timezone", "exerciseSlug", "exerciseName",
        "side", "reps", "durationSeconds", "loadKg", "rpe", "pain", "notes" })
public record ExportRow(UUID sessionId, UUID setId, Instant completedAt, LocalDate localDate, String timezone,
        String exerciseSlug, String exerciseName, String side, Integer reps, Integer durationSeconds, BigDecimal loadKg,
        Integer rpe, Integer pain, String notes) {

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
