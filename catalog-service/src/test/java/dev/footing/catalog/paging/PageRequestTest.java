package dev.footing.catalog.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.footing.common.problem.ProblemException;

class PageRequestTest {

    @Test
    void defaultsToFirstPageOfTwenty() {
        assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.parse("", " ")).isEqualTo(new PageRequest(0, 20));
    }

    @Test
    void offsetDoesNotOverflowOnFarPages() {
        assertThat(PageRequest.parse(String.valueOf(Integer.MAX_VALUE), "100").offset()).isEqualTo(Integer.MAX_VALUE * 100L);
    }

    @Test
    void badValuesNameTheirParameter() {
        assertRejected("-1", null, "page");
        assertRejected("x", null, "page");
        assertRejected("99999999999", null, "page");
        assertRejected(null, "0", "size");
        assertRejected(null, "101", "size");
        assertRejected(null, "1e3", "size");
    }

    @Test
    void bothBadValuesAreReportedTogether() {
        assertThatThrownBy(() -> PageRequest.parse("-1", "1000"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().violations())
                        .extracting(v -> v.field()).containsExactly("page", "size"));
    }

    private static void assertRejected(String page, String size, String field) {
        assertThatThrownBy(() -> PageRequest.parse(page, size))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly(field);
                });
    }
}
