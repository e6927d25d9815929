package dev.footing.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.footing.common.problem.ProblemException;

class PageRequestTest {

    @Test
    void defaultsToFirstPageOfTwenty() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.parse("", " ")).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void theFarthestPageStillHasAnExactOffset() {
        assertThat(PageRequest.parse(String.valueOf(PageRequest.MAX_PAGE), "100").offset()).isEqualTo(100_000_000L);
    }

    @Test
    void edgesOfTheRangesAreAccepted() {
        assertThat(PageRequest.parse("0", "1")).isEqualTo(new PageRequest(0, 1));
        assertThat(PageRequest.parse(" 7 ", "100")).isEqualTo(new PageRequest(7, 100));
    }

    @ParameterizedTest(name = "page={0} size={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "-1,       null, page",
            "x,        null, page",
            "1000001,  null, page",
            "99999999999, null, page",
            "null,     0,    size",
            "null,     101,  size",
            "null,     1e3,  size",
            "null,     2.5,  size",
    })
    void badValuesNameTheirParameter(String page, String size, String field) {
        assertThatThrownBy(() -> PageRequest.parse(page, size))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly(field);
                });
    }

    @Test
    void bothBadValuesAreNamedAtOnce() {
        assertThatThrownBy(() -> PageRequest.parse("-3", "0"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly("page", "size"));
    }
}
