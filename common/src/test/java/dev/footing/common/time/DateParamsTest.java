package dev.footing.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.footing.common.problem.ProblemException;

class DateParamsTest {

    @Test
    void anAbsentOrBlankParameterIsNoDate() {
        assertThat(DateParams.parse("from", null)).isNull();
        assertThat(DateParams.parse("from", "  ")).isNull();
    }

    @Test
    void theFirstAndLastDayOfTheSupportedYearsAreAccepted() {
        assertThat(DateParams.parse("from", "0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(DateParams.parse("to", " 9999-12-31 ")).isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "07.01.2027", "2027-1-7", "yesterday", "+10000-01-01", "0000-12-31", "-0001-01-01"})
    void anythingElseIsA400NamingTheParameter(String value) {
        assertThatThrownBy(() -> DateParams.parse("asOf", value))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly("asOf");
                });
    }
}
