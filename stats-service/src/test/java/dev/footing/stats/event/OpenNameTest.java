package dev.footing.stats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "CALF", "ACHILLES_TENDON", "ZONE_2", "A23456789012345678901234567890XY"})
    void upperCaseNamesOfAtMost32CharactersAreKept(String name) {
        assertThat(OpenName.require(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"calf", "Calf", "_CALF", "2CALF", "CALF-LEFT", "CALF LEFT", "CÄLF", "A23456789012345678901234567890XYZ"})
    void anythingElseIsRefused(String name) {
        assertThatThrownBy(() -> OpenName.require(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
