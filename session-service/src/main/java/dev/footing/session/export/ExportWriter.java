package dev.footing.session.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a cursor's rows to a stream as they are read, one row at a time, in the export's format. */
public final class ExportWriter {

    private final ObjectWriter rowWriter;

    /** Instants and dates as ISO-8601 strings, decimals as written (12.5), nulls written out, whatever the API's settings. */
    public ExportWriter(ObjectMapper json) {
        this.rowWriter = json.writerFor(ExportRow.class)
                .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .without(SerializationFeature.INDENT_OUTPUT)
                // Rows go out in the buffer's own rhythm, not one network write each.
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** Returns the number of rows written. */
    public long write(ExportFormat format, ExportCursor rows, OutputStream out) throws IOException, SQLException {
        return switch (format) {
            case CSV -> csv(rows, out);
            case JSON -> json(rows, out);
        };
    }

    private static long csv(ExportCursor rows, OutputStream out) throws IOException, SQLException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Csv.writeRecord(writer, ExportRow.COLUMNS);
        long count = 0;
        for (ExportRow row = rows.next(); row != null; row = rows.next()) {
            Csv.writeRecord(writer, row.values());
            count++;
        }
        writer.flush();
        return count;
    }

    private long json(ExportCursor rows, OutputStream out) throws IOException, SQLException {
        long count = 0;
        try (JsonGenerator array = rowWriter.createGenerator(out)) {
            // The response's own stream is closed by the server, not by us.
            array.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            array.writeStartArray();
            for (ExportRow row = rows.next(); row != null; row = rows.next()) {
                rowWriter.writeValue(array, row);
                count++;
            }
            array.writeEndArray();
        }
        return count;
    }
}
