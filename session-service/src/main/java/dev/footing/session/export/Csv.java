package dev.footing.session.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records ended by CRLF, a field quoted (its quotes
 * doubled) when it holds a comma, a double quote, a CR or an LF. Null is an empty field. Nothing
 * else is changed: a copy of the user's data is exact (spreadsheet formula prefixes are not escaped).
 */
public final class Csv {

    private Csv() {
    }

    public static void writeRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(out, fields.get(i));
        }
        out.write("\r\n");
    }

    static void writeField(Writer out, String field) throws IOException {
        if (field == null) {
            return;
        }
        if (!needsQuotes(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
