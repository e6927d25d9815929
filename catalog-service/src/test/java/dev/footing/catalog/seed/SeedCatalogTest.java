package dev.footing.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.Fixtures;
import dev.footing.catalog.exercise.ExerciseRequest;
import dev.footing.catalog.exercise.ExerciseValidator;

/** The seed is data, but wrong data is a bug a user sees: check it like code. */
class SeedCatalogTest {

    static final SeedCatalog SEED = Fixtures.SEED;
    static final ExerciseValidator VALIDATOR = Fixtures.exerciseValidator();

    /** The exercises the article only sketches, which are easy to drop by mistake. */
    static final Set<String> SKETCHED = Set.of(
            "toe-circles", "foot-ball-roll", "towel-gather", "single-leg-stand", "single-leg-stand-balance-pad",
            "band-foot-ankle-work", "massage-mat-walk", "toe-walk", "heel-walk", "outer-edge-walk", "inner-edge-walk",
            "uneven-surface-walk", "cotton-ball-toe-squeeze", "jump-rope", "elevated-toe-raise",
            "achilles-raise-behind-chair", "achilles-raise-one-leg", "ankle-band-pull-door", "ankle-inversion-band", "wall-shin-stretch",
            "curb-jump-two-feet", "curb-alternating-run-ups", "curb-jump-one-leg",
            "line-jump-one-leg", "line-jump-two-legs", "line-jump-forward-back-one-leg",
            "forward-lunge", "backward-lunge", "half-squat-lunge", "lunge-calf-raise", "jump-squat-straight-legs",
            "bench-step-up", "bench-single-leg-rise", "bench-step-back-lunge");

    @Test
    void holdsEveryExerciseAndProgramOfTheArticle() {
        assertThat(SEED.exercises()).hasSize(38);
        assertThat(SEED.programs()).extracting(SeedCatalog.SeedProgram::slug).containsExactly(
                "borovskaya-foot-course", "suzdalev-arch-and-ankle", "simple-ankle-strengthening-at-home",
                "flat-feet-set", "mityaev-runners-step-jumps", "smirnova-runner-foot-and-leg");
    }

    @Test
    void keepsTheSketchedExercises() {
        assertThat(slugs()).containsAll(SKETCHED);
    }

    @Test
    void everyExerciseIsValidAndFullyDescribed() {
        for (ExerciseRequest exercise : SEED.exercises()) {
            assertThat(VALIDATOR.validate(exercise)).as(exercise.slug()).isEmpty();
            assertThat(exercise.instructions()).as(exercise.slug()).hasSizeBetween(3, 6);
            assertThat(exercise.cautions()).as(exercise.slug()).isNotEmpty();
            assertThat(exercise.equipment()).as(exercise.slug()).isNotEmpty();
            assertThat(exercise.unilateral()).as(exercise.slug()).isNotNull();
        }
    }

    @Test
    void slugsAndNamesAreUnique() {
        assertThat(SEED.exercises()).extracting(ExerciseRequest::slug).doesNotHaveDuplicates();
        assertThat(SEED.exercises()).extracting(ExerciseRequest::name).doesNotHaveDuplicates();
    }

    @Test
    void programsReferToSeededExercises() {
        Set<String> slugs = slugs();
        SEED.programs().forEach(p -> {
            assertThat(p.items()).as(p.slug()).isNotEmpty();
            p.items().forEach(i -> assertThat(slugs).as(p.slug()).contains(i.exercise()));
        });
    }

    @Test
    void everyExerciseIsInAProgramAndCreditsItsSource() {
        Set<String> inPrograms = SEED.programs().stream().flatMap(p -> p.items().stream())
                .map(SeedCatalog.SeedItem::exercise).collect(Collectors.toSet());
        assertThat(inPrograms).containsAll(slugs());
        assertThat(SEED.exercises()).extracting(ExerciseRequest::source).containsOnly(
                "Victoria Borovskaya (School of Healthy and Smart Fitness)", "Anton Suzdalev",
                "Dmitry and Ekaterina Mityaev (trail running school)", "Olga Smirnova (Nike Run Club)", "Zozhnik editors");
    }

    @Test
    void smirnovaComplexBuildsFromTwentyToForty() {
        var smirnova = SEED.programs().stream().filter(p -> p.slug().equals("smirnova-runner-foot-and-leg")).findFirst().orElseThrow();
        assertThat(smirnova.items()).hasSize(14);
        assertThat(smirnova.frequency()).contains("Once a week");
        SEED.exercises().stream().filter(e -> e.source().startsWith("Olga Smirnova")).forEach(e -> {
            assertThat(e.prescription().reps()).as(e.slug()).isEqualTo(20);
            assertThat(e.prescription().repsMax()).as(e.slug()).isEqualTo(40);
        });
    }

    @Test
    void idsAreDerivedFromSlugs() {
        assertThat(SeedCatalog.exerciseId("toe-circles"))
                .isEqualTo(UUID.nameUUIDFromBytes("footing:exercise:toe-circles".getBytes(StandardCharsets.UTF_8)));
        assertThat(SeedCatalog.programId("flat-feet-set"))
                .isEqualTo(UUID.nameUUIDFromBytes("footing:program:flat-feet-set".getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> slugs() {
        return SEED.exercises().stream().map(ExerciseRequest::slug).collect(Collectors.toSet());
    }
}
