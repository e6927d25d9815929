package dev.footing.stats.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** "Once a week before one of your running workouts", counted per ISO week. */
class AdherenceWeeksTest {

    static final UUID PROGRAM = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID D = UUID.fromString("00000000-0000-0000-0000-000000000004");
    static final List<UUID> ITEMS = List.of(A, B, C, D);

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static ProgramSession session(String date, UUID program, UUID... exercises) {
        return new ProgramSession(UUID.randomUUID(), program, d(date), Set.of(exercises));
    }

    static AdherenceWeeks.Result of(int perWeek, String since, List<ProgramSession> sessions, String from, String to, String today) {
        return AdherenceWeeks.of(PROGRAM, ITEMS, perWeek, d(since), sessions, d(from), d(to), d(today));
    }

    @Test
    void halfOfTheItemsMakesASessionDone() {
        assertThat(AdherenceWeeks.done(session("2027-01-04", PROGRAM, A, B), PROGRAM, ITEMS)).isTrue();
        assertThat(AdherenceWeeks.done(session("2027-01-04", PROGRAM, A), PROGRAM, ITEMS)).isFalse();
        assertThat(AdherenceWeeks.done(session("2027-01-04", PROGRAM, A, B, C, D), PROGRAM, ITEMS)).isTrue();
        assertThat(AdherenceWeeks.done(session("2027-01-04", PROGRAM, A, UUID.randomUUID()), PROGRAM, ITEMS)).isFalse();
    }

    @Test
    void aSessionOfAnotherProgramDoesNotCount() {
        assertThat(AdherenceWeeks.done(session("2027-01-04", OTHER, A, B, C, D), PROGRAM, ITEMS)).isFalse();
        assertThat(AdherenceWeeks.done(session("2027-01-04", null, A, B, C, D), PROGRAM, ITEMS)).isFalse();
    }

    @Test
    void anOddNumberOfItemsNeedsTheLargerHalf() {
        List<UUID> three = List.of(A, B, C);
        assertThat(AdherenceWeeks.done(session("2027-01-04", PROGRAM, A), PROGRAM, three)).isFalse();
        assertThat(AdherenceWeeks.done(session("2027-01-04", PROGRAM, A, B), PROGRAM, three)).isTrue();
    }

    @Test
    void onceAWeekCountsIsoWeeksMondayToSunday() {
        AdherenceWeeks.Result result = of(1, "2026-12-01", List.of(session("2026-12-27", PROGRAM, A, B), // Sunday of W52
                session("2026-12-28", PROGRAM, A, B)), // Monday of W53
                "2026-12-21", "2027-01-03", "2027-01-03");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W52", 1, 1, true),
                new AdherenceWeek("2026-W53", 1, 1, true));
        assertThat(result.weeklyStreak()).isEqualTo(2);
    }

    @Test
    void aWeekShortOfThePlanIsOffPlan() {
        AdherenceWeeks.Result result = of(2, "2026-12-01", List.of(session("2026-12-22", PROGRAM, A, B)),
                "2026-12-21", "2026-12-27", "2027-01-07");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W52", 2, 1, false));
        assertThat(result.weeklyStreak()).isZero();
    }

    @Test
    void theCurrentWeekIsNotBrokenUntilItIsOver() {
        List<ProgramSession> sessions = List.of(session("2026-12-22", PROGRAM, A, B), session("2026-12-29", PROGRAM, A, B));

        // Thursday of W01 with nothing done yet: the streak of the two weeks before still stands.
        assertThat(of(1, "2026-12-01", sessions, "2026-12-21", "2027-01-10", "2027-01-07").weeklyStreak()).isEqualTo(2);
        List<ProgramSession> withThisWeek = new ArrayList<>(sessions);
        withThisWeek.add(session("2027-01-05", PROGRAM, C, D));
        assertThat(of(1, "2026-12-01", withThisWeek, "2026-12-21", "2027-01-10", "2027-01-07").weeklyStreak()).isEqualTo(3);
        // The next Monday, W01 is over and was missed.
        assertThat(of(1, "2026-12-01", sessions, "2026-12-21", "2027-01-10", "2027-01-11").weeklyStreak()).isZero();
    }

    @Test
    void weeksBeforeThePlanStartedArePlannedNothingAndNeverInTheStreak() {
        List<ProgramSession> sessions = List.of(session("2026-12-15", PROGRAM, A), session("2026-12-22", PROGRAM, A, B));
        AdherenceWeeks.Result result = of(1, "2026-12-23", sessions, "2026-12-07", "2026-12-27", "2026-12-27");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W50", 0, 0, null),
                new AdherenceWeek("2026-W51", 0, 0, null), new AdherenceWeek("2026-W52", 1, 1, true));
        assertThat(result.weeklyStreak()).isEqualTo(1);
    }

    @Test
    void aProgramTrainedBeforeItWasFollowedWasFollowedSinceThen() {
        List<ProgramSession> sessions = List.of(session("2026-12-08", PROGRAM, A, B), session("2026-12-22", PROGRAM, A, B));
        AdherenceWeeks.Result result = of(1, "2027-01-07", sessions, "2026-11-30", "2027-01-10", "2027-01-07");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W49", 0, 0, null),
                new AdherenceWeek("2026-W50", 1, 1, true), new AdherenceWeek("2026-W51", 1, 0, false),
                new AdherenceWeek("2026-W52", 1, 1, true), new AdherenceWeek("2026-W53", 1, 0, false),
                new AdherenceWeek("2027-W01", 1, 0, false));
        assertThat(result.weeklyStreak()).isZero();
    }

    @Test
    void aPlanStartedBeforeTheFirstSessionCountsTheWeeksMissed() {
        AdherenceWeeks.Result result = of(1, "2026-12-08", List.of(session("2026-12-22", PROGRAM, A, B)),
                "2026-12-07", "2026-12-27", "2026-12-27");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W50", 1, 0, false),
                new AdherenceWeek("2026-W51", 1, 0, false), new AdherenceWeek("2026-W52", 1, 1, true));
    }

    @Test
    void twoSessionsInOneWeekBothCount() {
        AdherenceWeeks.Result result = of(2, "2026-12-01", List.of(session("2026-12-21", PROGRAM, A, B),
                session("2026-12-21", PROGRAM, C, D), session("2026-12-23", PROGRAM, A)), "2026-12-21", "2026-12-27", "2026-12-27");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W52", 2, 2, true));
    }

    @Test
    void aRangeCutInsideAWeekShowsTheWholeWeek() {
        AdherenceWeeks.Result result = of(1, "2026-12-01", List.of(session("2026-12-21", PROGRAM, A, B)),
                "2026-12-24", "2026-12-24", "2026-12-27");

        assertThat(result.weeks()).containsExactly(new AdherenceWeek("2026-W52", 1, 1, true));
    }

    @Test
    void theStreakDoesNotDependOnTheRangeAsked() {
        List<ProgramSession> sessions = List.of(session("2026-12-08", PROGRAM, A, B), session("2026-12-15", PROGRAM, A, B),
                session("2026-12-22", PROGRAM, A, B));
        AdherenceWeeks.Result result = of(1, "2026-12-01", sessions, "2026-12-21", "2026-12-27", "2026-12-27");

        assertThat(result.weeklyStreak()).isEqualTo(3);
    }
}
