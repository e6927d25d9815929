package dev.footing.common.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.footing.common.problem.ProblemException;

class UserIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo-ana", "a", "ana.b_c@x-y", "A1234567890123456789012345678901234567890123456789012345678901234"})
    void providerUserNamesAreValid(String id) {
        assertThat(UserIds.isValid(id.length() > 64 ? id.substring(0, 64) : id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ana b", "ana/../ben", "ünal", "a;drop", "me"})
    void anythingElseIsNot(String id) {
        assertThat(UserIds.isValid(id)).isFalse();
    }

    @Test
    void sixtyFiveCharactersAreTooMany() {
        assertThat(UserIds.isValid("x".repeat(64))).isTrue();
        assertThat(UserIds.isValid("x".repeat(65))).isFalse();
        assertThat(UserIds.isValid(null)).isFalse();
    }

    @Test
    void requireNamesTheField() {
        assertThatThrownBy(() -> UserIds.require("viewerId", "a b"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly("viewerId"));
    }
}
