package dev.footing.session.workout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import dev.footing.common.problem.Problem;
import dev.footing.session.exercise.Measurement;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class SetRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final UUID EXERCISE = UUID.randomUUID();
    private static final SetRules.Exercise REPS = new SetRules.Exercise(Measurement.REPS, false);
    private static final SetRules.Exercise UNILATERAL_HOLD = new SetRules.Exercise(Measurement.DURATION, true);

    private static SetRequest reps(Integer reps) {
        return new SetRequest(null, EXERCISE, reps, null, null, null, null, null, null);
    }

    /** The field constraints of SetRequest, as Hibernate Validator checks them in the service. */
    private static final Validator CONSTRAINTS = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static Violations check(SetRequest set, SetRules.Exercise exercise) {
        return check("", set, exercise);
    }

    /** Every check of a set, as RequestChecks runs them: its field constraints, then the rules they cannot say. */
    private static Violations check(String prefix, SetRequest set, SetRules.Exercise exercise) {
        Violations v = new Violations();
        v.constraints(prefix, CONSTRAINTS.validate(set));
        SetRules.check(prefix, set, exercise, NOW, v);
        return v;
    }

    @Test
    void repsAtTheBoundsAreAccepted() {
        assertThat(check(reps(1), REPS).isEmpty()).isTrue();
        assertThat(check(reps(1000), REPS).isEmpty()).isTrue();
    }

    @Test
    void repsOutsideOneToAThousandAreInvalid() {
        assertThat(check(reps(0), REPS).invalid()).extracting(Problem.Violation::field).containsExactly("reps");
        assertThat(check(reps(1001), REPS).invalid()).extracting(Problem.Violation::field).containsExactly("reps");
    }

    @Test
    void holdAtTwoHoursIsAcceptedOneSecondMoreIsNot() {
        SetRequest twoHours = new SetRequest(null, EXERCISE, null, 7200, null, Side.LEFT, null, null, null);
        SetRequest more = new SetRequest(null, EXERCISE, null, 7201, null, Side.LEFT, null, null, null);
        assertThat(check(twoHours, UNILATERAL_HOLD).isEmpty()).isTrue();
        assertThat(check(more, UNILATERAL_HOLD).invalid()).extracting(Problem.Violation::field).containsExactly("durationSeconds");
    }

    @Test
    void repsOnAHoldAreRejectedAndTheMissingDurationNamed() {
        SetRequest wrong = new SetRequest(null, EXERCISE, 10, null, null, Side.BOTH, null, null, null);
        assertThat(check(wrong, UNILATERAL_HOLD).invalid()).extracting(Problem.Violation::field)
                .containsExactly("durationSeconds", "reps");
    }

    @Test
    void bothRepsAndDurationIsInvalidForEitherMeasurement() {
        SetRequest both = new SetRequest(null, EXERCISE, 10, 30, null, Side.LEFT, null, null, null);
        assertThat(check(both, REPS).invalid()).extracting(Problem.Violation::field).containsExactly("durationSeconds");
        assertThat(check(both, UNILATERAL_HOLD).invalid()).extracting(Problem.Violation::field).containsExactly("reps");
    }

    @Test
    void unilateralExerciseNeedsASide() {
        SetRequest noSide = new SetRequest(null, EXERCISE, null, 30, null, null, null, null, null);
        assertThat(check(noSide, UNILATERAL_HOLD).invalid()).extracting(Problem.Violation::field).containsExactly("side");
    }

    @Test
    void loadIsZeroToAThousandWithAtMostTwoDecimals() {
        SetRequest ok = new SetRequest(null, EXERCISE, 5, null, new BigDecimal("1000.00"), null, null, null, null);
        SetRequest negative = new SetRequest(null, EXERCISE, 5, null, new BigDecimal("-0.5"), null, null, null, null);
        SetRequest fine = new SetRequest(null, EXERCISE, 5, null, new BigDecimal("2.125"), null, null, null, null);
        assertThat(check(ok, REPS).isEmpty()).isTrue();
        assertThat(check(negative, REPS).invalid()).extracting(Problem.Violation::field).containsExactly("loadKg");
        assertThat(check(fine, REPS).invalid()).extracting(Problem.Violation::message)
                .containsExactly("must have at most 2 decimals");
    }

    @Test
    void completedAtFiveMinutesAheadIsToleratedForClockSkewNotMore() {
        SetRequest skewed = new SetRequest(null, EXERCISE, 5, null, null, null, NOW.plusSeconds(300), null, null);
        SetRequest future = new SetRequest(null, EXERCISE, 5, null, null, null, NOW.plusSeconds(301), null, null);
        assertThat(check(skewed, REPS).isEmpty()).isTrue();
        assertThat(check(future, REPS).invalid()).extracting(Problem.Violation::field).containsExactly("completedAt");
    }

    @Test
    void rpeIsOneToTen() {
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, 10, null), REPS).isEmpty()).isTrue();
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, 0, null), REPS).invalid())
                .extracting(Problem.Violation::field).containsExactly("rpe");
    }

    @Test
    void painIsZeroToTenAndOptional() {
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, null, null), REPS).isEmpty()).isTrue();
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, null, 0), REPS).isEmpty()).isTrue();
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, null, 10), REPS).isEmpty()).isTrue();
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, null, 11), REPS).invalid())
                .extracting(Problem.Violation::field).containsExactly("pain");
        assertThat(check(new SetRequest(null, EXERCISE, 5, null, null, null, null, null, -1), REPS).invalid())
                .extracting(Problem.Violation::field).containsExactly("pain");
    }

    @Test
    void unknownExerciseIsReportedApartFromInvalidFieldsWithItsPosition() {
        Violations v = check("sets[3]", reps(10), null);
        assertThat(v.invalid()).isEmpty();
        assertThat(v.unknownExercises()).extracting(Problem.Violation::field).containsExactly("sets[3].exerciseId");
    }

    @Test
    void missingExerciseIdIsInvalidNotUnknown() {
        Violations v = check("[0]", new SetRequest(null, null, 10, null, null, null, null, null, null), null);
        assertThat(v.invalid()).extracting(Problem.Violation::field).containsExactly("[0].exerciseId");
        assertThat(v.unknownExercises()).isEmpty();
    }

    @Test
    void sameContentIgnoresTrailingZerosAndAnOmittedCompletedAt() {
        WorkoutSet stored = new WorkoutSet();
        stored.exerciseId = EXERCISE;
        stored.reps = 12;
        stored.loadKg = new BigDecimal("7.50");
        stored.completedAt = NOW;
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, new BigDecimal("7.5"), null, null, null, null))).isTrue();
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, new BigDecimal("7.5"), null, NOW, null, null))).isTrue();
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, new BigDecimal("7.5"), null, NOW.plusSeconds(1), null, null))).isFalse();
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, null, null, null, null, null))).isFalse();
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 13, null, new BigDecimal("7.5"), null, null, null, null))).isFalse();
    }

    @Test
    void painIsPartOfTheContentOfASet() {
        WorkoutSet stored = new WorkoutSet();
        stored.exerciseId = EXERCISE;
        stored.reps = 12;
        stored.loadKg = BigDecimal.ZERO;
        stored.completedAt = NOW;
        stored.pain = 3;
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, null, null, null, null, 3))).isTrue();
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, null, null, null, null, 4))).isFalse();
        // Left out is not "the same": pain has no default, so a resend without it is different content.
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, null, null, null, null, null))).isFalse();
        stored.pain = null;
        assertThat(SetRules.sameContent(stored, new SetRequest(null, EXERCISE, 12, null, null, null, null, null, 0))).isFalse();
    }

    @Test
    void loadNormalizesToItsShortestForm() {
        assertThat(SetRules.normalizeLoad(null)).isEqualByComparingTo("0");
        assertThat(SetRules.normalizeLoad(new BigDecimal("0.00")).toPlainString()).isEqualTo("0");
        assertThat(SetRules.normalizeLoad(new BigDecimal("100.00")).toPlainString()).isEqualTo("100");
        assertThat(SetRules.normalizeLoad(new BigDecimal("12.50")).toPlainString()).isEqualTo("12.5");
    }
}
