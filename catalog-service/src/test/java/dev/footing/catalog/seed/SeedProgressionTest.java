package dev.footing.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.footing.catalog.Fixtures;
import dev.footing.catalog.exercise.ExerciseRequest;
import dev.footing.catalog.exercise.Measurement;
import dev.footing.catalog.exercise.Prescription;
import dev.footing.catalog.progression.Axis;
import dev.footing.catalog.progression.Ladder;
import dev.footing.catalog.progression.ProgressionGraph;
import dev.footing.catalog.progression.ProgressionRules;

/**
 * The article's progressions as data: every range and every harder form the article gives is a rule,
 * every prescription agrees with its ladders, and the variations lead somewhere without going round.
 */
class SeedProgressionTest {

    static final Map<String, ExerciseRequest> BY_SLUG = Fixtures.SEED.exercises().stream()
            .collect(Collectors.toMap(ExerciseRequest::slug, Function.identity()));

    /** What the article says, sentence by sentence: an axis with its range, or a harder form. */
    record ArticleRule(String slug, Axis axis, Integer start, Integer ceiling, String next, String quote) {

        static ArticleRule range(String slug, Axis axis, int start, int ceiling, String quote) {
            return new ArticleRule(slug, axis, start, ceiling, null, quote);
        }

        static ArticleRule harder(String slug, String next, String quote) {
            return new ArticleRule(slug, null, null, null, next, quote);
        }

        @Override
        public String toString() {
            return slug + ": " + quote;
        }
    }

    static final String TWENTY_TO_FORTY = "start the exercises with 20 repetitions and gradually increase to 40";
    static final String TWENTY_TO_THIRTY_SECONDS = "Exercises are performed for 20-30 seconds";

    static List<ArticleRule> articleRules() {
        List<ArticleRule> rules = new java.util.ArrayList<>(List.of(
                ArticleRule.range("wall-shin-stretch", Axis.HOLD_SECONDS, 15, 30, "Hold the stretch for 15-30 seconds"),
                ArticleRule.range("elevated-toe-raise", Axis.REPS, 30, 40, "The exercise is performed 30-40 times"),
                ArticleRule.harder("achilles-raise-behind-chair", "achilles-raise-one-leg",
                        "try performing it exclusively with your working leg"),
                ArticleRule.harder("single-leg-stand", "single-leg-stand-balance-pad",
                        "To make it more difficult, you can use a balancing pad"),
                ArticleRule.harder("curb-jump-two-feet", "curb-jump-one-leg", "much harder than the previous ones"),
                ArticleRule.harder("curb-alternating-run-ups", "curb-jump-one-leg", "much harder than the previous ones")));
        for (String slug : List.of("curb-jump-two-feet", "curb-alternating-run-ups", "curb-jump-one-leg", "line-jump-one-leg",
                "line-jump-two-legs", "line-jump-forward-back-one-leg", "forward-lunge", "backward-lunge", "half-squat-lunge",
                "lunge-calf-raise", "jump-squat-straight-legs", "bench-step-up", "bench-single-leg-rise",
                "bench-step-back-lunge")) {
            rules.add(ArticleRule.range(slug, Axis.REPS, 20, 40, TWENTY_TO_FORTY));
        }
        for (String slug : List.of("cotton-ball-toe-squeeze", "foot-ball-roll", "toe-walk", "heel-walk", "outer-edge-walk",
                "uneven-surface-walk")) {
            rules.add(ArticleRule.range(slug, Axis.HOLD_SECONDS, 20, 30, TWENTY_TO_THIRTY_SECONDS));
        }
        return rules;
    }

    @ParameterizedTest
    @MethodSource("articleRules")
    void everyRangeAndHarderFormOfTheArticleIsARule(ArticleRule rule) {
        ExerciseRequest exercise = BY_SLUG.get(rule.slug());
        assertThat(exercise).as(rule.slug()).isNotNull();
        assertThat(exercise.progression()).as(rule.toString()).isNotNull();
        if (rule.next() != null) {
            assertThat(exercise.progression().next()).as(rule.toString()).isEqualTo(rule.next());
            assertThat(BY_SLUG.get(rule.next()).progression().previous()).as("and back from " + rule.next())
                    .isNotNull();
        } else {
            Ladder ladder = ProgressionRules.ladder(exercise.progression(), rule.axis());
            assertThat(ladder).as(rule.toString()).isNotNull();
            assertThat(ladder.start()).as(rule.toString()).isEqualTo(rule.start());
            assertThat(ladder.ceiling()).as(rule.toString()).isEqualTo(rule.ceiling());
            assertThat(exercise.ownAdvice()).as("a range of the article is not our own advice")
                    .noneMatch(p -> p.isEmpty() || p.equals("/progression") || p.startsWith("/progression/ladders"));
        }
    }

    @Test
    void everyPrescriptionAgreesWithItsLadders() {
        for (ExerciseRequest e : Fixtures.SEED.exercises()) {
            Prescription p = e.prescription();
            ladderMatches(e, Axis.SETS, p.sets(), p.setsMax());
            ladderMatches(e, e.measurement() == Measurement.REPS ? Axis.REPS : Axis.HOLD_SECONDS,
                    e.measurement() == Measurement.REPS ? p.reps() : p.holdSeconds(),
                    e.measurement() == Measurement.REPS ? p.repsMax() : p.holdSecondsMax());
        }
    }

    /** A range in the prescription has a ladder over exactly that range; a ladder starts and ends where it says. */
    private static void ladderMatches(ExerciseRequest e, Axis axis, Integer value, Integer max) {
        Ladder ladder = ProgressionRules.ladder(e.progression(), axis);
        if (max != null) {
            assertThat(ladder).as(e.slug() + ": the range of " + axis + " has a ladder").isNotNull();
        }
        if (ladder != null) {
            assertThat(ladder.start()).as(e.slug() + " " + axis + " start").isEqualTo(value);
            assertThat(ladder.ceiling()).as(e.slug() + " " + axis + " ceiling").isEqualTo(max != null ? max : value);
            assertThat(ladder.step()).as(e.slug() + " " + axis + " step").isLessThanOrEqualTo(Math.max(1, ladder.ceiling() - ladder.start()));
        }
    }

    @Test
    void variationsNameSeededExercisesAndNeverGoRound() {
        Map<String, ProgressionGraph.Node> catalog = Fixtures.SEED.exercises().stream()
                .map(e -> new ProgressionGraph.Node(e.slug(), e.progression() == null ? null : e.progression().next(),
                        e.progression() == null ? null : e.progression().previous(), false))
                .collect(Collectors.toMap(ProgressionGraph.Node::slug, Function.identity()));
        for (ExerciseRequest e : Fixtures.SEED.exercises()) {
            assertThat(ProgressionGraph.check(e.slug(), e.slug(), e.progression(), catalog)).as(e.slug()).isEmpty();
        }
    }

    @Test
    void aHarderFormIsOfTheSameMeasurementSoItsLaddersFit() {
        for (ExerciseRequest e : Fixtures.SEED.exercises()) {
            if (e.progression() != null && e.progression().next() != null) {
                assertThat(BY_SLUG.get(e.progression().next()).measurement()).as(e.slug()).isEqualTo(e.measurement());
            }
        }
    }

    @Test
    void theOneLegAchillesRaiseIsTheSameExerciseOnOneLeg() {
        ExerciseRequest two = BY_SLUG.get("achilles-raise-behind-chair");
        ExerciseRequest one = BY_SLUG.get("achilles-raise-one-leg");
        assertThat(one.unilateral()).isTrue();
        assertThat(two.unilateral()).isFalse();
        assertThat(one.prescription().reps()).isEqualTo(15);
        assertThat(one.prescription().holdSeconds()).isEqualTo(5);
        assertThat(one.progression().previous()).isEqualTo("achilles-raise-behind-chair");
        assertThat(one.source()).isEqualTo(two.source());
    }
}
