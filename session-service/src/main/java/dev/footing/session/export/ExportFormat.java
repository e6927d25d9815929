package dev.footing.session.export;

import java.util.Locale;

import dev.footing.common.problem.ProblemException;

/** What an export is written as. */
public enum ExportFormat {
    /** RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** One JSON array of row objects, written as it is read. */
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The {@code format} parameter: {@code csv} (also when absent) or {@code json}, in any case; else a 400. */
    public static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "json" -> JSON;
            default -> throw ProblemException.invalidField("format", "must be csv or json, not \"" + value + "\"");
        };
    }
}
