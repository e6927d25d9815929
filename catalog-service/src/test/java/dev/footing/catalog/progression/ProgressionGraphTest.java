package dev.footing.catalog.progression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.progression.ProgressionGraph.Node;
import dev.footing.common.problem.Problem.Violation;

class ProgressionGraphTest {

    /** heel-raise-two-legs -> heel-raise-one-leg (and back as previous); stand -> pad; a retired one. */
    static final Map<String, Node> CATALOG = catalog(
            new Node("heel-raise-two-legs", "heel-raise-one-leg", null, false),
            new Node("heel-raise-one-leg", null, "heel-raise-two-legs", false),
            new Node("single-leg-stand", "single-leg-stand-balance-pad", null, false),
            new Node("single-leg-stand-balance-pad", null, "single-leg-stand", false),
            new Node("a", "b", null, false),
            new Node("b", "c", null, false),
            new Node("c", null, null, false),
            new Node("old-drill", null, null, true));

    static Map<String, Node> catalog(Node... nodes) {
        return Arrays.stream(nodes).collect(Collectors.toMap(Node::slug, Function.identity()));
    }

    static Progression links(String next, String previous) {
        return new Progression(List.of(), null, next, previous);
    }

    static List<String> fields(String oldSlug, String slug, Progression p) {
        return ProgressionGraph.check(oldSlug, slug, p, CATALOG).stream().map(Violation::field).toList();
    }

    @Test
    void theSeedsOwnLinksAreFine() {
        assertThat(fields("heel-raise-two-legs", "heel-raise-two-legs", links("heel-raise-one-leg", null))).isEmpty();
        assertThat(fields("heel-raise-one-leg", "heel-raise-one-leg", links(null, "heel-raise-two-legs"))).isEmpty();
    }

    @Test
    void aNewExerciseMayLinkToExistingOnes() {
        assertThat(fields(null, "heel-raise-two-legs-on-a-step", links("heel-raise-one-leg", "heel-raise-two-legs"))).isEmpty();
    }

    @Test
    void noLinksAndNoProgressionAreFine() {
        assertThat(fields(null, "new-one", null)).isEmpty();
        assertThat(fields("c", "c", links(null, null))).isEmpty();
    }

    @Test
    void anUnknownNextOrPreviousIsNamed() {
        assertThat(fields(null, "new-one", links("no-such-drill", "nor-this"))).containsExactly("progression.next",
                "progression.previous");
    }

    @Test
    void aRetiredVariationIsRefused() {
        var violations = ProgressionGraph.check(null, "new-one", links("old-drill", null), CATALOG);
        assertThat(violations).extracting(Violation::message).containsExactly("old-drill is retired");
    }

    @Test
    void aLinkToItselfIsACycle() {
        assertThat(fields("c", "c", links("c", null))).containsExactly("progression.next");
        assertThat(fields("c", "c", links(null, "c"))).containsExactly("progression.previous");
        assertThat(fields(null, "brand-new", links("brand-new", null))).containsExactly("progression.next");
    }

    @Test
    void twoExercisesHarderThanEachOtherAreACycle() {
        // heel-raise-one-leg -> heel-raise-two-legs closes heel-raise-two-legs -> heel-raise-one-leg
        assertThat(fields("heel-raise-one-leg", "heel-raise-one-leg", links("heel-raise-two-legs", null)))
                .containsExactly("progression.next");
    }

    @Test
    void aLongerCycleOfNextLinksIsFound() {
        assertThat(fields("c", "c", links("a", null))).containsExactly("progression.next");
    }

    @Test
    void aCycleOfPreviousLinksIsFound() {
        assertThat(fields("heel-raise-two-legs", "heel-raise-two-legs", links("heel-raise-one-leg", "heel-raise-one-leg")))
                .containsExactly("progression.previous");
    }

    @Test
    void nextAndPreviousPointingAtEachOtherIsNoCycle() {
        // a -> b as next and b -> a as previous is the ordinary harder/easier pair
        assertThat(fields("b", "b", links("c", "a"))).isEmpty();
    }

    @Test
    void aChainThatDoesNotComeBackIsNoCycle() {
        assertThat(fields(null, "z", links("a", null))).isEmpty();
    }

    @Test
    void renamingASlugOthersLinkToIsRefused() {
        assertThat(fields("heel-raise-one-leg", "heel-raise-single-leg", links(null, "heel-raise-two-legs")))
                .containsExactly("slug");
        assertThat(fields("a", "a-renamed", links("b", null))).isEmpty();
    }

    @Test
    void aRenamedExerciseLinkingToItsOldSlugIsACycleNotAnOldName() {
        assertThat(fields("c", "c-renamed", links("c", null))).contains("progression.next");
    }
}
