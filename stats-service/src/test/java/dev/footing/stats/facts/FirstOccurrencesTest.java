package dev.footing.stats.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.footing.stats.event.Positioned;
import dev.footing.stats.event.SessionCompleted;

class FirstOccurrencesTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static Positioned event(UUID eventId, long offset) {
        return new Positioned(new SessionCompleted(eventId, "ana", Instant.EPOCH, UUID.randomUUID(), Instant.EPOCH, "UTC", null),
                0, offset);
    }

    private static List<Long> offsets(List<Positioned> events) {
        return events.stream().map(Positioned::offset).toList();
    }

    @Test
    void firstOfEachKeepsTheFirstOccurrenceOfEveryKeyInOrder() {
        assertThat(FirstOccurrences.firstOfEach(List.of("b1", "a1", "b2", "c1", "a2"), s -> s.charAt(0)))
                .containsExactly("b1", "a1", "c1");
    }

    @Test
    void firstOfEachOfNothingIsNothing() {
        assertThat(FirstOccurrences.firstOfEach(List.<String>of(), Function.identity())).isEmpty();
    }

    @Test
    void firstOfEachWithoutRepeatsKeepsEverything() {
        assertThat(FirstOccurrences.firstOfEach(List.of(3, 1, 2), Function.identity())).containsExactly(3, 1, 2);
    }

    @Test
    void anEventTwiceInTheBatchIsAppliedAtItsFirstPosition() {
        List<Positioned> distinct = FirstOccurrences.firstOfEach(List.of(event(A, 1), event(B, 2), event(A, 3)),
                p -> p.event().eventId());
        assertThat(offsets(FirstOccurrences.fresh(distinct, Set.of(A, B)))).containsExactly(1L, 2L);
    }

    @Test
    void anEventTheGuardAlreadyHeldIsNotFresh() {
        List<Positioned> batch = List.of(event(A, 1), event(B, 2), event(C, 3));
        assertThat(offsets(FirstOccurrences.fresh(batch, Set.of(A, C)))).containsExactly(1L, 3L);
    }

    @Test
    void aBatchAppliedBeforeHasNothingFresh() {
        assertThat(FirstOccurrences.fresh(List.of(event(A, 1), event(B, 2)), Set.of())).isEmpty();
    }

    @Test
    void freshKeepsBatchOrderNotTheOrderTheDatabaseAnswered() {
        List<Positioned> batch = List.of(event(C, 1), event(A, 2), event(B, 3));
        assertThat(offsets(FirstOccurrences.fresh(batch, new java.util.LinkedHashSet<>(List.of(A, B, C)))))
                .containsExactly(1L, 2L, 3L);
    }
}
