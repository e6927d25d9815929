package dev.footing.session.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static String record(String... fields) throws IOException {
        StringWriter out = new StringWriter();
        Csv.writeRecord(out, Arrays.asList(fields));
        return out.toString();
    }

    @ParameterizedTest(name = "[{0}] is written as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain                  | plain",
            "'with, comma'          | '\"with, comma\"'",
            "'say \"hi\"'           | '\"say \"\"hi\"\"\"'",
            "'\"'                   | '\"\"\"\"'",
            "'Schöne Füße – 足'     | 'Schöne Füße – 足'",
            "' spaces kept '        | ' spaces kept '",
            "=1+1                   | =1+1",
    })
    void aFieldIsQuotedOnlyWhenItHoldsACommaAQuoteOrALineBreak(String field, String written) throws IOException {
        assertThat(record(field)).isEqualTo(written + "\r\n");
    }

    @Test
    void lineBreaksInsideAFieldAreQuotedAndKept() throws IOException {
        assertThat(record("first\nsecond")).isEqualTo("\"first\nsecond\"\r\n");
        assertThat(record("first\r\nsecond")).isEqualTo("\"first\r\nsecond\"\r\n");
        assertThat(record("cr\ronly")).isEqualTo("\"cr\ronly\"\r\n");
    }

    @Test
    void recordsEndWithCrlfAndNullIsAnEmptyFieldButEmptyTextToo() throws IOException {
        assertThat(record("a", null, "", "b")).isEqualTo("a,,,b\r\n");
        assertThat(record((String) null)).isEqualTo("\r\n");
    }

    @Test
    void theHeaderIsTheColumnsOfDesignSectionNineInOrder() throws IOException {
        StringWriter out = new StringWriter();
        Csv.writeRecord(out, ExportRow.COLUMNS);
        assertThat(out.toString()).isEqualTo("sessionId,setId,completedAt,localDate,timezone,exerciseSlug,exerciseName,"
                + "side,reps,durationSeconds,loadKg,rpe,pain,notes\r\n");
        assertThat(ExportRow.COLUMNS).hasSize(14);
        assertThat(List.copyOf(ExportRow.COLUMNS)).doesNotHaveDuplicates();
    }
}
