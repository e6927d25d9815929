package dev.footing.catalog.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.Fixtures;
import dev.footing.common.problem.Problem.Violation;

class ExerciseValidatorTest {

    static final ExerciseValidator VALIDATOR = Fixtures.exerciseValidator();

    static ExerciseRequest valid() {
        return new ExerciseRequest("calf-raise", "Calf raise", "Up on the toes.", List.of("Rise.", "Lower."),
                Category.STRENGTH, List.of(BodyArea.CALF), List.of(Equipment.NONE), Difficulty.BEGINNER,
                Measurement.REPS, false, new Prescription(2, null, 15, null, null, null, null, null), null, List.of(), "Us", List.of(), null);
    }

    static List<String> fields(ExerciseRequest request) {
        return VALIDATOR.validate(request).stream().map(Violation::field).toList();
    }

    @Test
    void completeExerciseHasNoViolations() {
        assertThat(VALIDATOR.validate(valid())).isEmpty();
    }

    @Test
    void missingBodyIsNamed() {
        assertThat(fields(null)).containsExactly("body");
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        var empty = new ExerciseRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(empty)).containsExactlyInAnyOrder("slug", "name", "summary", "instructions", "category",
                "bodyAreas", "difficulty", "measurement", "prescription", "source");
    }

    @Test
    void slugMustBeKebabCase() {
        for (String bad : List.of("Calf-Raise", "calf_raise", "-calf", "calf--raise", "calf raise", "a".repeat(81))) {
            var r = valid();
            var request = new ExerciseRequest(bad, r.name(), r.summary(), r.instructions(), r.category(), r.bodyAreas(),
                    r.equipment(), r.difficulty(), r.measurement(), r.unilateral(), r.prescription(), null, r.cautions(), r.source(), null, null);
            assertThat(fields(request)).as(bad).containsExactly("slug");
        }
    }

    @Test
    void blankInstructionIsNamedByIndex() {
        var r = valid();
        var request = new ExerciseRequest(r.slug(), r.name(), r.summary(), Arrays.asList("Rise.", " ", null), r.category(),
                r.bodyAreas(), r.equipment(), r.difficulty(), r.measurement(), r.unilateral(), r.prescription(), null, r.cautions(), r.source(), null, null);
        assertThat(fields(request)).containsExactly("instructions[1]", "instructions[2]");
    }

    @Test
    void emptyBodyAreasAreRejected() {
        var r = valid();
        var request = new ExerciseRequest(r.slug(), r.name(), r.summary(), r.instructions(), r.category(), List.of(),
                r.equipment(), r.difficulty(), r.measurement(), r.unilateral(), r.prescription(), null, r.cautions(), r.source(), null, null);
        assertThat(fields(request)).containsExactly("bodyAreas");
    }

    @Test
    void noneCannotBeCombinedWithEquipment() {
        var r = valid();
        var request = new ExerciseRequest(r.slug(), r.name(), r.summary(), r.instructions(), r.category(), r.bodyAreas(),
                List.of(Equipment.NONE, Equipment.WALL), r.difficulty(), r.measurement(), r.unilateral(), r.prescription(), null, r.cautions(), r.source(), null, null);
        assertThat(fields(request)).containsExactly("equipment");
    }

    @Test
    void repsExerciseNeedsReps() {
        assertThat(fields(with(Measurement.REPS, new Prescription(2, null, null, null, 30, null, null, null))))
                .containsExactly("prescription.reps");
    }

    @Test
    void durationExerciseNeedsHoldSecondsAndNoReps() {
        assertThat(fields(with(Measurement.DURATION, new Prescription(2, null, 10, null, null, null, null, null))))
                .containsExactlyInAnyOrder("prescription.holdSeconds", "prescription.reps");
    }

    @Test
    void repsExerciseMayPauseAtTheTop() {
        assertThat(fields(with(Measurement.REPS, new Prescription(2, null, 15, null, 5, null, null, null)))).isEmpty();
    }

    @Test
    void rangeMaxBelowMinIsRejected() {
        assertThat(fields(with(Measurement.DURATION, new Prescription(3, 2, null, null, 30, 15, null, null))))
                .containsExactlyInAnyOrder("prescription.setsMax", "prescription.holdSecondsMax");
    }

    @Test
    void rangeMaxWithoutMinIsRejected() {
        assertThat(fields(with(Measurement.REPS, new Prescription(1, null, 20, null, null, 30, null, null))))
                .containsExactly("prescription.holdSecondsMax");
    }

    @Test
    void outOfRangeNumbersAreRejected() {
        assertThat(fields(with(Measurement.REPS, new Prescription(0, null, 1001, null, null, null, -1, null))))
                .containsExactlyInAnyOrder("prescription.sets", "prescription.reps", "prescription.restSeconds");
    }

    @Test
    void rangesFromTheSourceAreAccepted() {
        assertThat(fields(with(Measurement.REPS, new Prescription(1, null, 20, 40, null, null, null, "20 -> 40")))).isEmpty();
        assertThat(fields(with(Measurement.DURATION, new Prescription(3, null, null, null, 15, 30, null, null)))).isEmpty();
    }

    @Test
    void progressionAndOwnAdviceAreCheckedWithTheRest() {
        var r = valid();
        var request = new ExerciseRequest(r.slug(), r.name(), r.summary(), r.instructions(), r.category(), r.bodyAreas(),
                r.equipment(), r.difficulty(), Measurement.REPS, r.unilateral(), r.prescription(),
                new dev.footing.catalog.progression.Progression(List.of(new dev.footing.catalog.progression.Ladder(
                        dev.footing.catalog.progression.Axis.HOLD_SECONDS, 30, 0, 20, 2)), null, null, null),
                r.cautions(), r.source(), List.of("/cautions/3"), null);
        assertThat(fields(request)).containsExactlyInAnyOrder("progression.ladders[0].axis",
                "progression.ladders[0].ceiling", "progression.ladders[0].step", "ownAdvice[0]");
    }

    private static ExerciseRequest with(Measurement measurement, Prescription prescription) {
        var r = valid();
        return new ExerciseRequest(r.slug(), r.name(), r.summary(), r.instructions(), r.category(), r.bodyAreas(),
                r.equipment(), r.difficulty(), measurement, r.unilateral(), prescription, null, r.cautions(), r.source(), null, null);
    }
}
