package dev.footing.session.export;

import java.time.LocalDate;

import dev.footing.common.problem.ProblemException;
import dev.footing.common.time.DateParams;

/**
 * The parameters of an export, checked: its format, and the sets' local dates from..to (inclusive,
 * each optional). The range is not bounded: rows are streamed, so a user's whole history costs no
 * more memory than a day of it.
 */
public record ExportQuery(ExportFormat format, LocalDate from, LocalDate to) {

    public static ExportQuery parse(String format, String from, String to) {
        ExportFormat parsedFormat = ExportFormat.parse(format);
        LocalDate fromDate = DateParams.parse("from", from);
        LocalDate toDate = DateParams.parse("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ProblemException.invalidField("from", "must not be after to (" + fromDate + " > " + toDate + ")");
        }
        return new ExportQuery(parsedFormat, fromDate, toDate);
    }

    /** e.g. {@code footing-demo-ana-2026-01-01-to-2026-11-29.csv}; user ids hold no character a file name cannot. */
    public String fileName(String userId) {
        return "footing-" + userId + (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to) + "."
                + format.extension();
    }
}
