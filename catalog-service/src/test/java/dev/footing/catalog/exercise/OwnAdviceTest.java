package dev.footing.catalog.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.footing.catalog.progression.Axis;
import dev.footing.catalog.progression.Ladder;
import dev.footing.catalog.progression.Progression;
import dev.footing.common.problem.Problem.Violation;

class OwnAdviceTest {

    /** Two instructions, one caution, sets and reps, a REPS ladder and a next link. */
    static ExerciseRequest marking(String... pointers) {
        var r = ExerciseValidatorTest.valid();
        return new ExerciseRequest(r.slug(), r.name(), r.summary(), r.instructions(), r.category(), r.bodyAreas(),
                r.equipment(), r.difficulty(), r.measurement(), r.unilateral(), r.prescription(),
                new Progression(List.of(new Ladder(Axis.REPS, 15, 5, 25, 2)), null, "calf-raise-one-leg", null),
                List.of("Go slowly."), r.source(), Arrays.asList(pointers), null);
    }

    static List<String> fields(ExerciseRequest r) {
        return OwnAdvice.check(r).stream().map(Violation::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/summary", "/instructions", "/instructions/0", "/instructions/1", "/cautions",
            "/cautions/0", "/prescription", "/prescription/sets", "/prescription/reps", "/progression",
            "/progression/ladders", "/progression/ladders/0", "/progression/next"})
    void aPointerToAStatementThisExerciseHasIsAccepted(String pointer) {
        assertThat(fields(marking(pointer))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/instructions/2", "/cautions/1", "/prescription/repsMax", "/prescription/weight",
            "/progression/previous", "/progression/load", "/progression/ladders/1", "/name", "/slug", "/category",
            "summary", "/", "/instructions/01", "/instructions/-1", "/cautions/0/x"})
    void aPointerToNothingOrToAClassificationIsRefused(String pointer) {
        assertThat(fields(marking(pointer))).containsExactly("ownAdvice[0]");
    }

    @Test
    void everyBadPointerIsNamedByItsIndex() {
        assertThat(fields(marking("/cautions/0", "/cautions/5", "/summary", "/nope"))).containsExactly("ownAdvice[1]",
                "ownAdvice[3]");
    }

    @Test
    void aRepeatedPointerIsRefused() {
        assertThat(fields(marking("/cautions/0", "/cautions/0"))).containsExactly("ownAdvice[1]");
    }

    @Test
    void noProgressionMeansNoProgressionPointer() {
        var r = marking("/progression");
        var without = new ExerciseRequest(r.slug(), r.name(), r.summary(), r.instructions(), r.category(), r.bodyAreas(),
                r.equipment(), r.difficulty(), r.measurement(), r.unilateral(), r.prescription(), null, r.cautions(),
                r.source(), r.ownAdvice(), null);
        assertThat(fields(without)).containsExactly("ownAdvice[0]");
    }

    @Test
    void absentOrEmptyMarksNothing() {
        assertThat(fields(ExerciseValidatorTest.valid())).isEmpty();
        assertThat(fields(marking())).isEmpty();
    }
}
