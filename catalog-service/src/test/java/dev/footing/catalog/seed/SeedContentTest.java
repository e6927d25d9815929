package dev.footing.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.footing.catalog.Fixtures;
import dev.footing.catalog.exercise.ExerciseRequest;

/**
 * Content we can stand behind (issue 10): what the article says is kept, what it does not say is gone or
 * marked as Footing's own advice.
 */
class SeedContentTest {

    static final Map<String, ExerciseRequest> BY_SLUG = Fixtures.SEED.exercises().stream()
            .collect(Collectors.toMap(ExerciseRequest::slug, Function.identity()));

    /** Where the article gives the number of sets; everywhere else the set count is our reading. */
    static final Set<String> ARTICLE_GIVES_SETS = Set.of("wall-shin-stretch", "ankle-band-pull-door",
            "achilles-raise-behind-chair", "achilles-raise-one-leg", "ankle-inversion-band");

    static final List<String> JUMPS_NOT_ON_ASPHALT = List.of("curb-jump-two-feet", "curb-alternating-run-ups",
            "curb-jump-one-leg", "line-jump-one-leg", "line-jump-two-legs", "line-jump-forward-back-one-leg",
            "jump-squat-straight-legs");

    static Stream<String> statements(ExerciseRequest e) {
        return Stream.of(Stream.of(e.summary()), e.instructions().stream(), e.cautions().stream(),
                Stream.ofNullable(e.prescription().note())).flatMap(s -> s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lowers the arch", "common cause", "jars the knees", "diabetes", "keep the hops small"})
    void healthClaimsTheArticleDoesNotMakeAreGone(String claim) {
        for (ExerciseRequest e : Fixtures.SEED.exercises()) {
            assertThat(statements(e)).as(e.slug()).noneMatch(s -> s.toLowerCase().contains(claim));
        }
    }

    @Test
    void theMassageMatIsNotCreditedToBorovskaya() {
        assertThat(BY_SLUG.get("massage-mat-walk").source()).isEqualTo("Zozhnik editors");
    }

    @Test
    void theJumpsAreNotOnAsphalt() {
        for (String slug : JUMPS_NOT_ON_ASPHALT) {
            assertThat(BY_SLUG.get(slug).cautions()).as(slug).anyMatch(c -> c.contains("not on asphalt"));
        }
    }

    @Test
    void theCurbJumpsDoNotLandOnTheHeels() {
        for (String slug : List.of("curb-jump-two-feet", "curb-alternating-run-ups", "curb-jump-one-leg")) {
            assertThat(BY_SLUG.get(slug).cautions()).as(slug)
                    .anyMatch(c -> c.contains("heels") && (c.startsWith("Do not land") || c.startsWith("Do not let")));
        }
    }

    @Test
    void theBackwardLungeKeepsTheKneeBehindTheToeLikeTheClassicLunge() {
        assertThat(BY_SLUG.get("backward-lunge").cautions()).anyMatch(c -> c.contains("knee") && c.contains("toes"));
        assertThat(BY_SLUG.get("forward-lunge").cautions()).anyMatch(c -> c.contains("knee") && c.contains("toes"));
    }

    @Test
    void theForwardAndBackLineJumpIsAsHighAsPossibleAsTheArticleSays() {
        ExerciseRequest e = BY_SLUG.get("line-jump-forward-back-one-leg");
        assertThat(statements(e)).anyMatch(s -> s.contains("as high as you can") || s.contains("high rather than far"));
    }

    @Test
    void setCountsTheArticleDoesNotGiveAreMarkedAsOurs() {
        for (ExerciseRequest e : Fixtures.SEED.exercises()) {
            if (!ARTICLE_GIVES_SETS.contains(e.slug())) {
                assertThat(e.ownAdvice()).as(e.slug() + ": its set count is ours")
                        .containsAnyOf("", "/prescription", "/prescription/sets");
            }
        }
    }

    @Test
    void exercisesTheArticleOnlyHintsAtAreMarkedAsOurReadingWhole() {
        for (String slug : List.of("step-platform-two-foot-jumps", "step-platform-foot-switches",
                "step-platform-single-leg-jumps", "band-foot-ankle-work")) {
            assertThat(BY_SLUG.get(slug).ownAdvice()).as(slug).containsExactly("");
        }
        assertThat(BY_SLUG.get("toe-circles").ownAdvice()).contains("/instructions", "/prescription", "/cautions");
    }

    @Test
    void aSourcesNumbersAreNeverMarkedAsOurs() {
        // "Hold the stretch for 15-30 seconds. Repeat 3 times."; "2 sets of 15 times"; "30-40 times".
        assertThat(BY_SLUG.get("wall-shin-stretch").ownAdvice()).doesNotContain("/prescription", "/prescription/sets");
        assertThat(BY_SLUG.get("ankle-band-pull-door").ownAdvice()).doesNotContain("/prescription", "/prescription/reps");
        assertThat(BY_SLUG.get("elevated-toe-raise").ownAdvice()).doesNotContain("/prescription", "/prescription/reps");
    }

    @Test
    void onlySmirnovasComplexGivesAWeeklyNumber() {
        Fixtures.SEED.programs().forEach(p -> assertThat(p.sessionsPerWeek()).as(p.slug())
                .isEqualTo(p.slug().equals("smirnova-runner-foot-and-leg") ? Integer.valueOf(1) : null));
    }
}
