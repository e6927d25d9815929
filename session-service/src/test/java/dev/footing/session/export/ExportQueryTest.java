package dev.footing.session.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportQueryTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = { "csv,CSV", "CSV,CSV", "json,JSON", "Json,JSON", "NULL,CSV", "'',CSV" })
    void formatIsCsvOrJsonInAnyCaseAndCsvWhenLeftOut(String given, ExportFormat expected) {
        assertThat(ExportQuery.parse(given, null, null).format()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "xml", "xlsx", "csv,json", "jsonl" })
    void anyOtherFormatIsA400NamingFormat(String format) {
        assertThatThrownBy(() -> ExportQuery.parse(format, null, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(Problem.Violation::field).containsExactly("format");
                });
    }

    @ParameterizedTest
    @CsvSource({ "from,2026-13-01,", "from,yesterday,", "to,,2026-02-30", "to,,10000-01-01" })
    void aBadDateIsA400NamingTheParameter(String field, String from, String to) {
        assertThatThrownBy(() -> ExportQuery.parse("csv", from, to))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(Problem.Violation::field).containsExactly(field);
                });
    }

    @Test
    void fromAfterToIsA400AndOneDayIsARange() {
        assertThatThrownBy(() -> ExportQuery.parse("csv", "2026-11-02", "2026-11-01"))
                .isInstanceOfSatisfying(ProblemException.class, e ->
                        assertThat(e.problem().violations()).extracting(Problem.Violation::field).containsExactly("from"));
        ExportQuery day = ExportQuery.parse("json", "2026-11-01", "2026-11-01");
        assertThat(day.from()).isEqualTo(day.to()).isEqualTo(LocalDate.parse("2026-11-01"));
    }

    @Test
    void theRangeIsNotBoundedBecauseRowsAreStreamed() {
        ExportQuery everything = ExportQuery.parse("csv", "0001-01-01", "9999-12-31");
        assertThat(everything.from()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(ExportQuery.parse(null, null, null)).isEqualTo(new ExportQuery(ExportFormat.CSV, null, null));
    }

    @Test
    void theFileNameSaysWhoseAndWhichDays() {
        assertThat(ExportQuery.parse("json", "2026-01-01", "2026-11-29").fileName("demo-ana"))
                .isEqualTo("footing-demo-ana-from-2026-01-01-to-2026-11-29.json");
        assertThat(ExportQuery.parse(null, null, null).fileName("demo-ana")).isEqualTo("footing-demo-ana.csv");
    }
}
