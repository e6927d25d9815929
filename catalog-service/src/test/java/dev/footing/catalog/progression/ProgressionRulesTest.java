package dev.footing.catalog.progression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footing.common.problem.Problem.Violation;

class ProgressionRulesTest {

    static Ladder reps(int start, int step, int ceiling) {
        return new Ladder(Axis.REPS, start, step, ceiling, 2);
    }

    static Ladder hold(int start, int step, int ceiling) {
        return new Ladder(Axis.HOLD_SECONDS, start, step, ceiling, 2);
    }

    static List<String> fields(Progression p, Axis measured) {
        return ProgressionRules.check(p, measured).stream().map(Violation::field).toList();
    }

    @Test
    void noProgressionIsFine() {
        assertThat(fields(null, Axis.REPS)).isEmpty();
    }

    @Test
    void twentyToFortyRepsOnARepsExerciseIsFine() {
        assertThat(fields(new Progression(List.of(reps(20, 5, 40)), null, "heel-raise-one-leg", null), Axis.REPS)).isEmpty();
    }

    @Test
    void fifteenToThirtySecondsThenSetsOnADurationExerciseIsFine() {
        var p = new Progression(List.of(hold(15, 5, 30), new Ladder(Axis.SETS, 1, 1, 3, 2)), null, null, null);
        assertThat(fields(p, Axis.HOLD_SECONDS)).isEmpty();
    }

    @Test
    void aStartAtItsCeilingIsALadderWithNowhereToGo() {
        assertThat(fields(new Progression(List.of(reps(40, 5, 40)), null, "next-one", null), Axis.REPS)).isEmpty();
    }

    @Test
    void startAboveCeilingIsNamedAtTheCeiling() {
        assertThat(fields(new Progression(List.of(reps(40, 5, 20)), null, null, null), Axis.REPS))
                .containsExactly("progression.ladders[0].ceiling");
    }

    @Test
    void oneLadderPerAxis() {
        assertThat(fields(new Progression(List.of(reps(20, 5, 40), reps(10, 1, 12)), null, null, null), Axis.REPS))
                .containsExactly("progression.ladders[1].axis");
    }

    @Test
    void repsLadderOnlyOnARepsExercise() {
        assertThat(fields(new Progression(List.of(reps(20, 5, 40)), null, null, null), Axis.HOLD_SECONDS))
                .containsExactly("progression.ladders[0].axis");
    }

    @Test
    void holdLadderOnlyOnADurationExercise() {
        assertThat(fields(new Progression(List.of(hold(15, 5, 30)), null, null, null), Axis.REPS))
                .containsExactly("progression.ladders[0].axis");
    }

    @Test
    void setsAndRepsStayWithinAPrescriptionsLimits() {
        var p = new Progression(List.of(new Ladder(Axis.SETS, 1, 1, 21, 1), reps(20, 5, 1001)), null, null, null);
        assertThat(fields(p, Axis.REPS)).containsExactly("progression.ladders[0].ceiling", "progression.ladders[1].ceiling");
    }

    @Test
    void loadCeilingBelowOneStepIsRefused() {
        var p = new Progression(List.of(), new LoadStep(new BigDecimal("2.5"), new BigDecimal("1"), 2), null, null);
        assertThat(fields(p, Axis.REPS)).containsExactly("progression.load.ceilingKg");
    }

    @Test
    void aLoadWithoutCeilingIsFine() {
        var p = new Progression(List.of(reps(10, 2, 15)), new LoadStep(new BigDecimal("2.5"), null, 2), null, null);
        assertThat(fields(p, Axis.REPS)).isEmpty();
    }

    @Test
    void anEmptyRuleSaysNothingAndIsRefused() {
        assertThat(fields(new Progression(List.of(), null, null, null), Axis.REPS)).containsExactly("progression");
    }

    @Test
    void anEasierVariationAloneIsARule() {
        assertThat(fields(new Progression(List.of(), null, null, "single-leg-stand"), Axis.HOLD_SECONDS)).isEmpty();
    }

    @Test
    void aHarderVariationNeedsALadderOrALoadToSayWhenToMoveOn() {
        assertThat(fields(new Progression(List.of(), null, "single-leg-stand-balance-pad", null), Axis.HOLD_SECONDS))
                .containsExactly("progression.next");
        assertThat(fields(new Progression(List.of(hold(30, 30, 30)), null, "single-leg-stand-balance-pad", null),
                Axis.HOLD_SECONDS)).isEmpty();
        assertThat(fields(new Progression(List.of(), new LoadStep(BigDecimal.ONE, null, 2), "weighted-one", null),
                Axis.HOLD_SECONDS)).isEmpty();
    }

    @Test
    void harderAndEasierCannotBeTheSameExercise() {
        assertThat(fields(new Progression(List.of(reps(20, 5, 40)), null, "other", "other"), Axis.REPS))
                .containsExactly("progression.previous");
    }

    @Test
    void ladderOfAnAxisIsFoundOrNull() {
        var p = new Progression(List.of(hold(15, 5, 30)), null, null, null);
        assertThat(ProgressionRules.ladder(p, Axis.HOLD_SECONDS)).isEqualTo(hold(15, 5, 30));
        assertThat(ProgressionRules.ladder(p, Axis.REPS)).isNull();
        assertThat(ProgressionRules.ladder(null, Axis.REPS)).isNull();
    }
}
