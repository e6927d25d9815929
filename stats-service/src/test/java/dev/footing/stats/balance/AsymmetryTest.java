package dev.footing.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AsymmetryTest {

    @Test
    void evenSidesAreZero() {
        assertThat(Asymmetry.index(30, 30)).isZero();
    }

    @Test
    void strongerLeftIsPositiveStrongerRightNegative() {
        assertThat(Asymmetry.index(40, 30)).isCloseTo(0.25, within(1e-12));
        assertThat(Asymmetry.index(30, 40)).isCloseTo(-0.25, within(1e-12));
    }

    @Test
    void oneSideOnlyIsPlusOrMinusOne() {
        assertThat(Asymmetry.index(12, 0)).isEqualTo(1.0);
        assertThat(Asymmetry.index(0, 90)).isEqualTo(-1.0);
    }

    @Test
    void noVolumeOnEitherSideHasNoIndex() {
        assertThat(Asymmetry.index(0, 0)).isNull();
    }

    @Test
    void indexIsExactForThirds() {
        assertThat(Asymmetry.index(20, 30)).isCloseTo(-1.0 / 3, within(1e-12));
    }
}
