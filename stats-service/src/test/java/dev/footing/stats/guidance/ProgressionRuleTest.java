package dev.footing.stats.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footing.stats.event.Measurement;
import dev.footing.stats.event.Side;

/** The rule, sentence by sentence of the article and of the pain-monitoring model (docs/architecture.md §9). */
class ProgressionRuleTest {

    // "start the exercises with 20 repetitions and gradually increase to 40", then "on one leg".
    static final Variation CURB_JUMP = new Variation("curb-jump-two-feet", Measurement.REPS, false,
            new Prescription(1, 20, null),
            new Progression(List.of(new Ladder(Axis.REPS, 20, 5, 40, 2)), null, "curb-jump-one-leg", null));
    static final Variation CURB_JUMP_ONE_LEG = new Variation("curb-jump-one-leg", Measurement.REPS, true,
            new Prescription(1, 20, null),
            new Progression(List.of(new Ladder(Axis.REPS, 20, 5, 40, 2)), null, null, "curb-jump-two-feet"));
    // "Hold the stretch for 15-30 seconds. Repeat 3 times."
    static final Variation CALF_STRETCH = new Variation("calf-stretch", Measurement.DURATION, true,
            new Prescription(3, null, 15), new Progression(List.of(new Ladder(Axis.HOLD_SECONDS, 15, 5, 30, 2)), null, null, null));
    // "2 sets of 15 times", then harder with a load, then "exclusively with your working leg".
    static final Variation HEEL_RAISE = new Variation("heel-raise", Measurement.REPS, false, new Prescription(2, 15, null),
            new Progression(List.of(new Ladder(Axis.REPS, 15, 5, 25, 2)), new LoadStep(new BigDecimal("2.5"), new BigDecimal("5"), 2),
                    "heel-raise-one-leg", null));
    static final Variation HEEL_RAISE_ONE_LEG = new Variation("heel-raise-one-leg", Measurement.REPS, true,
            new Prescription(2, 15, null), new Progression(List.of(new Ladder(Axis.REPS, 15, 5, 25, 2)), null, null, "heel-raise"));
    // "The exercise is performed 30-40 times" with a step the ceiling cuts short.
    static final Variation TOE_RAISE = new Variation("elevated-toe-raise", Measurement.REPS, false, new Prescription(1, 30, null),
            new Progression(List.of(new Ladder(Axis.REPS, 30, 15, 40, 1)), null, null, null));
    static final Variation TOWEL = new Variation("towel-collect", Measurement.REPS, false, new Prescription(1, 10, null), null);
    static final Variation BAND = new Variation("band-dorsiflexion", Measurement.REPS, true, new Prescription(2, 15, null),
            new Progression(List.of(new Ladder(Axis.SETS, 2, 1, 3, 1)), null, null, null));

    static final BigDecimal NO_LOAD = BigDecimal.ZERO;

    /** A hand-written training log of one exercise: one session per day unless told otherwise. */
    static final class Log {
        final List<TrainedSet> sets = new ArrayList<>();
        LocalDate day = LocalDate.parse("2026-11-02");
        UUID session;
        int minute;

        Log session() {
            day = day.plusDays(1);
            session = UUID.nameUUIDFromBytes(("session " + day).getBytes());
            minute = 0;
            return this;
        }

        Log set(Side side, int value, BigDecimal load, Integer pain) {
            Instant at = day.atStartOfDay().plusHours(7).plusMinutes(minute++).toInstant(java.time.ZoneOffset.UTC);
            sets.add(new TrainedSet(session, day, at, side, value, value, load, pain));
            return this;
        }

        Log reps(int... values) {
            for (int value : values) {
                set(null, value, NO_LOAD, null);
            }
            return this;
        }

        /** {@code times} sessions of the same sets. */
        Log sessions(int times, int... reps) {
            for (int i = 0; i < times; i++) {
                session().reps(reps);
            }
            return this;
        }

        Log painful(int value, int pain) {
            return set(null, value, NO_LOAD, pain);
        }

        Log left(int value) {
            return set(Side.LEFT, value, NO_LOAD, null);
        }

        Log right(int value) {
            return set(Side.RIGHT, value, NO_LOAD, null);
        }

        Log loaded(String kg, int... reps) {
            for (int value : reps) {
                set(null, value, new BigDecimal(kg), null);
            }
            return this;
        }
    }

    static Guidance decide(Variation exercise, Log log) {
        return decide(exercise, log.sets);
    }

    static Guidance decide(Variation exercise, List<TrainedSet> sets) {
        Map<String, Variation> catalog = Map.of(CURB_JUMP.slug(), CURB_JUMP, CURB_JUMP_ONE_LEG.slug(), CURB_JUMP_ONE_LEG,
                HEEL_RAISE.slug(), HEEL_RAISE, HEEL_RAISE_ONE_LEG.slug(), HEEL_RAISE_ONE_LEG);
        Progression rule = exercise.rule();
        return ProgressionRule.decide(exercise, sets, rule.next() == null ? null : catalog.get(rule.next()),
                rule.previous() == null ? null : catalog.get(rule.previous()));
    }

    static Target reps(String exercise, int sets, int reps, boolean perSide) {
        return new Target(exercise, sets, reps, null, NO_LOAD, perSide);
    }

    static Map<String, Object> why(Guidance guidance) {
        return guidance.why().asJson();
    }

    @Test
    void twentyToFortyStepsUpAfterTwoFullSessions() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(2, 20));

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
        assertThat(guidance.target()).isEqualTo(reps("curb-jump-two-feet", 1, 20, false));
        assertThat(guidance.next()).isEqualTo(reps("curb-jump-two-feet", 1, 25, false));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "TARGET_MET"), Map.entry("sessions", 2),
                Map.entry("axis", "REPS"), Map.entry("from", 20), Map.entry("to", 25));
        assertThat(guidance.sessions()).isEqualTo(2);
        assertThat(guidance.lastSession()).isEqualTo(LocalDate.parse("2026-11-04"));
    }

    @Test
    void oneFullSessionIsNotYetEnough() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(1, 20));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(guidance.next()).isEqualTo(guidance.target());
        assertThat(why(guidance)).containsExactly(Map.entry("code", "TARGET_NOT_MET"), Map.entry("sessionsMet", 1),
                Map.entry("sessionsRequired", 2));
    }

    @Test
    void aShortSessionStartsTheCountAgain() {
        Guidance short_ = decide(CURB_JUMP, new Log().sessions(1, 20).sessions(1, 19));
        Guidance after = decide(CURB_JUMP, new Log().sessions(1, 20).sessions(1, 19).sessions(1, 20));

        assertThat(why(short_)).containsEntry("code", "TARGET_NOT_MET").containsEntry("sessionsMet", 0);
        assertThat(after.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(after)).containsEntry("sessionsMet", 1);
    }

    @Test
    void gradualIncreaseIsOneStepPerTwoSessionsHoweverFarAboveTheTarget() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(4, 40));

        assertThat(guidance.target().reps()).isEqualTo(25);
        assertThat(guidance.next().reps()).isEqualTo(30);
        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
    }

    @Test
    void asSoonAsFortyIsNoLongerDifficultGraduateToTheOneLegVariation() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(10, 40));

        assertThat(guidance.decision()).isEqualTo(Decision.GRADUATE);
        assertThat(guidance.target()).isEqualTo(reps("curb-jump-two-feet", 1, 40, false));
        assertThat(guidance.next()).isEqualTo(reps("curb-jump-one-leg", 1, 20, true));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "TOP_OF_RANGE_REACHED"), Map.entry("sessions", 2),
                Map.entry("reps", 40), Map.entry("next", "curb-jump-one-leg"));
    }

    @Test
    void atTheTopOfTheRangeGraduationWaitsForItsTwoSessions() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(9, 40));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(guidance.target().reps()).isEqualTo(40);
        assertThat(why(guidance)).containsExactly(Map.entry("code", "TARGET_NOT_MET"), Map.entry("sessionsMet", 1),
                Map.entry("sessionsRequired", 2));
    }

    @Test
    void graduationStandsWhileTheUserKeepsTrainingTheEasierForm() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(12, 40));

        assertThat(guidance.decision()).isEqualTo(Decision.GRADUATE);
        assertThat(why(guidance)).containsEntry("sessions", 4);
    }

    @Test
    void thirtyToFortyTimesTheCeilingCapsTheLastStep() {
        Guidance first = decide(TOE_RAISE, new Log().sessions(1, 45));
        Guidance second = decide(TOE_RAISE, new Log().sessions(2, 45));

        assertThat(first.next().reps()).isEqualTo(40);
        assertThat(why(first)).containsEntry("from", 30).containsEntry("to", 40);
        assertThat(second.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(second)).containsExactly(Map.entry("code", "AT_CEILING"), Map.entry("sessions", 1));
    }

    @Test
    void atTheCeilingWithoutAHarderFormKeepIt() {
        Guidance guidance = decide(CALF_STRETCH, new Log().session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30)
                .session().left(30).left(30).left(30).right(30).right(30).right(30));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(guidance.target()).isEqualTo(new Target("calf-stretch", 3, null, 30, NO_LOAD, true));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "AT_CEILING"), Map.entry("sessions", 2));
    }

    @Test
    void holdFifteenToThirtySecondsStepsFiveSecondsOnEachLeg() {
        Log log = new Log();
        for (int i = 0; i < 2; i++) {
            log.session().left(15).left(16).left(15).right(15).right(15).right(20);
        }
        Guidance guidance = decide(CALF_STRETCH, log);

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
        assertThat(guidance.target()).isEqualTo(new Target("calf-stretch", 3, null, 15, NO_LOAD, true));
        assertThat(guidance.next()).isEqualTo(new Target("calf-stretch", 3, null, 20, NO_LOAD, true));
        assertThat(why(guidance)).containsEntry("axis", "HOLD_SECONDS").containsEntry("from", 15).containsEntry("to", 20);
    }

    @Test
    void threeTimesMeansThreeSetsThatReachTheTarget() {
        Log log = new Log();
        for (int i = 0; i < 2; i++) {
            log.session().left(15).left(15).left(14).right(15).right(15).right(15);
        }
        Guidance guidance = decide(CALF_STRETCH, log);

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(guidance)).containsExactly(Map.entry("code", "ONE_SIDE_SHORT"), Map.entry("side", "LEFT"),
                Map.entry("value", 14), Map.entry("target", 15));
    }

    @Test
    void oneSideShortHoldsBothSides() {
        Guidance guidance = decide(CURB_JUMP_ONE_LEG, new Log().session().left(20).right(20).session().left(20).right(15));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(guidance.next()).isEqualTo(reps("curb-jump-one-leg", 1, 20, true));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "ONE_SIDE_SHORT"), Map.entry("side", "RIGHT"),
                Map.entry("value", 15), Map.entry("target", 20));
    }

    @Test
    void aMissingSideIsShortWithNothingDone() {
        Guidance guidance = decide(CURB_JUMP_ONE_LEG, new Log().session().left(25));

        assertThat(why(guidance)).containsEntry("side", "RIGHT").containsEntry("value", 0);
    }

    @Test
    void bothLegsShortIsTargetNotMet() {
        Guidance guidance = decide(CURB_JUMP_ONE_LEG, new Log().session().left(10).right(10));

        assertThat(why(guidance)).containsEntry("code", "TARGET_NOT_MET").containsEntry("sessionsMet", 0);
    }

    @Test
    void aSetOnBothLegsCountsForEachLeg() {
        Guidance guidance = decide(CURB_JUMP_ONE_LEG, new Log()
                .session().set(Side.BOTH, 20, NO_LOAD, null).session().set(Side.BOTH, 20, NO_LOAD, null));

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
    }

    @Test
    void aSetsLadderAddsASetOnEachLeg() {
        Guidance guidance = decide(BAND, new Log().session().left(15).left(15).right(15).right(15));

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
        assertThat(guidance.next()).isEqualTo(reps("band-dorsiflexion", 3, 15, true));
        assertThat(why(guidance)).containsEntry("axis", "SETS").containsEntry("from", 2).containsEntry("to", 3);
    }

    @Test
    void loadStepsUpOnceEveryLadderIsAtItsCeiling() {
        Log log = new Log().sessions(6, 25, 25);
        Guidance guidance = decide(HEEL_RAISE, log);

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
        assertThat(guidance.target()).isEqualTo(reps("heel-raise", 2, 25, false));
        assertThat(guidance.next()).isEqualTo(new Target("heel-raise", 2, 25, null, new BigDecimal("2.5"), false));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "LOAD_STEP"), Map.entry("sessions", 2),
                Map.entry("fromKg", BigDecimal.ZERO), Map.entry("toKg", new BigDecimal("2.5")));
    }

    @Test
    void aLoadedTargetNeedsTheLoad() {
        Guidance unloaded = decide(HEEL_RAISE, new Log().sessions(8, 25, 25));
        Guidance loaded = decide(HEEL_RAISE, new Log().sessions(6, 25, 25).session().loaded("2.5", 25, 25)
                .session().loaded("3", 25, 25));

        assertThat(unloaded.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(unloaded)).containsEntry("code", "TARGET_NOT_MET");
        assertThat(loaded.decision()).isEqualTo(Decision.PROGRESS);
        assertThat(loaded.next().loadKg()).isEqualByComparingTo("5");
    }

    @Test
    void atTheLoadCeilingGraduateToTheWorkingLegOnly() {
        Guidance guidance = decide(HEEL_RAISE, new Log().sessions(6, 25, 25).session().loaded("5", 25, 25)
                .session().loaded("5", 25, 25).session().loaded("5", 25, 25).session().loaded("5", 25, 25));

        assertThat(guidance.decision()).isEqualTo(Decision.GRADUATE);
        assertThat(guidance.target().loadKg()).isEqualByComparingTo("5");
        assertThat(guidance.next()).isEqualTo(reps("heel-raise-one-leg", 2, 15, true));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "TOP_OF_RANGE_REACHED"), Map.entry("sessions", 2),
                Map.entry("reps", 25), Map.entry("loadKg", new BigDecimal("5")), Map.entry("next", "heel-raise-one-leg"));
    }

    @Test
    void painAboveFiveOnceHolds() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(1, 20).session().painful(20, 6));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(guidance)).containsExactly(Map.entry("code", "PAIN_ABOVE_FIVE"), Map.entry("sessions", 1),
                Map.entry("maxPain", 6));
    }

    @Test
    void painAboveFiveTwiceRegresses() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(2, 20).session().painful(25, 7).session().painful(25, 6));

        assertThat(guidance.decision()).isEqualTo(Decision.REGRESS);
        assertThat(guidance.target().reps()).isEqualTo(25);
        assertThat(guidance.next().reps()).isEqualTo(20);
        assertThat(why(guidance)).containsExactly(Map.entry("code", "PAIN_ABOVE_FIVE"), Map.entry("sessions", 2),
                Map.entry("maxPain", 7));
    }

    @Test
    void painUpToFiveIsAcceptable() {
        Guidance guidance = decide(CURB_JUMP, new Log().session().painful(20, 5).session().painful(20, 5));

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
    }

    @Test
    void painNextMorningNotKnownDoesNotBlock() {
        // Pain of 4 during the session, nothing known about the next morning: the model allows it.
        Guidance guidance = decide(CURB_JUMP, new Log().session().painful(20, 4).session().reps(20));

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
    }

    @Test
    void aPainlessSessionBetweenTwoPainfulOnesDoesNotRegress() {
        Guidance guidance = decide(CURB_JUMP, new Log().sessions(2, 20).session().painful(25, 8).sessions(1, 25)
                .session().painful(25, 6));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(guidance)).containsEntry("sessions", 1).containsEntry("maxPain", 6);
    }

    @Test
    void everyFurtherPainfulSessionInARowStepsBackAgainUntilNothingIsLeftToUndo() {
        // 20 -> 25 -> 30 in four sessions; pain twice at 30 steps back to 25.
        Log log = new Log().sessions(4, 25).session().painful(30, 7).session().painful(30, 7);
        Guidance second = decide(CURB_JUMP, log);
        Guidance third = decide(CURB_JUMP, log.session().painful(25, 6));
        Guidance fourth = decide(CURB_JUMP, log.session().painful(25, 6));

        assertThat(second.decision()).isEqualTo(Decision.REGRESS);
        assertThat(second.next().reps()).isEqualTo(25);
        // The last two sessions had pain above 5 (7, then 6): back again, to the ladder's start.
        assertThat(third.decision()).isEqualTo(Decision.REGRESS);
        assertThat(third.target().reps()).isEqualTo(25);
        assertThat(third.next().reps()).isEqualTo(20);
        assertThat(why(third)).containsEntry("code", "PAIN_ABOVE_FIVE").containsEntry("sessions", 2).containsEntry("maxPain", 7);
        // At the start of a form with no easier one there is nothing left to step back to: hold, saying why.
        assertThat(fourth.decision()).isEqualTo(Decision.HOLD);
        assertThat(fourth.next().reps()).isEqualTo(20);
        assertThat(why(fourth)).containsEntry("code", "PAIN_ABOVE_FIVE").containsEntry("maxPain", 6);
    }

    @Test
    void painTwiceUndoesTheLoadStepBeforeAnyLadder() {
        Guidance guidance = decide(HEEL_RAISE, new Log().sessions(6, 25, 25).session().loaded("2.5", 25, 25)
                .set(null, 25, new BigDecimal("2.5"), 6).session().set(null, 25, new BigDecimal("2.5"), 7));

        assertThat(guidance.decision()).isEqualTo(Decision.REGRESS);
        assertThat(guidance.next()).isEqualTo(reps("heel-raise", 2, 25, false));
    }

    @Test
    void painTwiceAtTheStartsFallsBackToTheEasierVariation() {
        Guidance guidance = decide(CURB_JUMP_ONE_LEG, new Log().session().set(Side.LEFT, 20, NO_LOAD, 6)
                .session().set(Side.RIGHT, 20, NO_LOAD, 8));

        assertThat(guidance.decision()).isEqualTo(Decision.REGRESS);
        assertThat(guidance.next()).isEqualTo(reps("curb-jump-two-feet", 1, 20, false));
        assertThat(why(guidance)).containsEntry("maxPain", 8);
    }

    @Test
    void painTwiceAtTheStartsWithoutAnEasierFormHolds() {
        Guidance guidance = decide(CURB_JUMP, new Log().session().painful(20, 6).session().painful(20, 6));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(guidance)).containsEntry("code", "PAIN_ABOVE_FIVE").containsEntry("sessions", 2);
    }

    @Test
    void lateSetChangesTheDecision() {
        Log log = new Log().session().reps(15).session().reps(20);
        assertThat(decide(CURB_JUMP, log).decision()).isEqualTo(Decision.HOLD);

        // The first session's last set syncs days later: that session met the target after all.
        TrainedSet first = log.sets.get(0);
        List<TrainedSet> late = new ArrayList<>(log.sets);
        late.add(new TrainedSet(first.sessionId(), first.localDate(), first.completedAt().plusSeconds(90), null, 20, null,
                NO_LOAD, null));
        Guidance guidance = decide(CURB_JUMP, late);

        assertThat(guidance.decision()).isEqualTo(Decision.PROGRESS);
        assertThat(guidance.next().reps()).isEqualTo(25);
    }

    @Test
    void lateSessionBeforeTheOthersChangesTheDecision() {
        Log log = new Log().sessions(1, 20);
        List<TrainedSet> late = new ArrayList<>(log.sets);
        late.add(new TrainedSet(UUID.randomUUID(), LocalDate.parse("2026-11-01"), Instant.parse("2026-11-01T07:00:00Z"),
                null, 20, null, NO_LOAD, null));

        assertThat(decide(CURB_JUMP, log).decision()).isEqualTo(Decision.HOLD);
        assertThat(decide(CURB_JUMP, late).decision()).isEqualTo(Decision.PROGRESS);
    }

    @Test
    void retractedSetNoLongerCounts() {
        Log log = new Log().session().reps(20).session().reps(18, 20);
        assertThat(decide(CURB_JUMP, log).decision()).isEqualTo(Decision.PROGRESS);

        // The 20 of the second session was a mistake: retracted, only its 18 counts.
        List<TrainedSet> counted = new ArrayList<>(log.sets);
        counted.remove(2);
        Guidance guidance = decide(CURB_JUMP, counted);

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(why(guidance)).containsEntry("code", "TARGET_NOT_MET").containsEntry("sessionsMet", 0);
    }

    @Test
    void arrivalOrderDoesNotMatter() {
        Log log = new Log().sessions(3, 25).session().painful(25, 6).sessions(2, 30).session().reps(22)
                .sessions(5, 40).session().painful(40, 7).session().painful(40, 6);
        Guidance expected = decide(CURB_JUMP, log);
        Random random = new Random(10);
        for (int i = 0; i < 25; i++) {
            List<TrainedSet> shuffled = new ArrayList<>(log.sets);
            Collections.shuffle(shuffled, random);
            assertThat(decide(CURB_JUMP, shuffled)).isEqualTo(expected);
        }
        assertThat(expected.decision()).isEqualTo(Decision.REGRESS);
    }

    @Test
    void sessionsOfOneDayFollowTheirFirstSet() {
        UUID morning = UUID.fromString("ffffffff-0000-0000-0000-000000000000");
        UUID evening = UUID.fromString("00000000-0000-0000-0000-000000000001");
        LocalDate day = LocalDate.parse("2026-11-05");
        List<TrainedSet> sets = List.of(
                new TrainedSet(morning, day, Instant.parse("2026-11-05T07:00:00Z"), null, 20, null, NO_LOAD, 6),
                new TrainedSet(evening, day, Instant.parse("2026-11-05T19:00:00Z"), null, 20, null, NO_LOAD, null));

        // The painless evening session is the last one, whatever its id says.
        assertThat(decide(CURB_JUMP, sets).decision()).isEqualTo(Decision.HOLD);
        assertThat(why(decide(CURB_JUMP, sets))).containsEntry("code", "TARGET_NOT_MET").containsEntry("sessionsMet", 1);
    }

    @Test
    void sessionsOnTheSameInstantFollowTheirIds() {
        UUID first = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        LocalDate day = LocalDate.parse("2026-11-05");
        Instant at = Instant.parse("2026-11-05T07:00:00Z");
        Guidance guidance = decide(CURB_JUMP, List.of(new TrainedSet(second, day, at, null, 20, null, NO_LOAD, 6),
                new TrainedSet(first, day, at, null, 20, null, NO_LOAD, null)));

        assertThat(why(guidance)).containsEntry("code", "PAIN_ABOVE_FIVE");
    }

    @Test
    void withoutARuleHoldThePrescription() {
        Guidance guidance = decide(TOWEL, new Log().sessions(5, 30));

        assertThat(guidance.decision()).isEqualTo(Decision.HOLD);
        assertThat(guidance.next()).isEqualTo(reps("towel-collect", 1, 10, false));
        assertThat(why(guidance)).containsExactly(Map.entry("code", "NO_PROGRESSION"));
    }

    @Test
    void withoutARulePainStillSpeaks() {
        Guidance guidance = decide(TOWEL, new Log().session().painful(10, 9));

        assertThat(why(guidance)).containsEntry("code", "PAIN_ABOVE_FIVE");
    }

    @Test
    void aHarderFormTheCatalogDoesNotKnowIsStillNamed() {
        Guidance guidance = ProgressionRule.decide(CURB_JUMP, new Log().sessions(10, 40).sets, null, null);

        assertThat(guidance.decision()).isEqualTo(Decision.GRADUATE);
        assertThat(guidance.next()).isEqualTo(new Target("curb-jump-one-leg", 1, null, null, NO_LOAD, false));
    }

    @Test
    void aVariationWithOnlyAHarderFormGraduatesAfterTwoSessions() {
        Variation stance = new Variation("single-leg-stance", Measurement.DURATION, true, new Prescription(1, null, 30),
                new Progression(List.of(), null, "single-leg-stance-pad", null));
        Log log = new Log().session().left(30).right(30);
        Guidance once = ProgressionRule.decide(stance, log.sets, null, null);
        Guidance twice = ProgressionRule.decide(stance, log.session().left(30).right(30).sets, null, null);

        assertThat(why(once)).containsEntry("sessionsRequired", 2);
        assertThat(twice.decision()).isEqualTo(Decision.GRADUATE);
        assertThat(why(twice)).containsExactly(Map.entry("code", "TOP_OF_RANGE_REACHED"), Map.entry("sessions", 2),
                Map.entry("next", "single-leg-stance-pad"));
    }

    @Test
    void startOfAVariationIsEveryLadderAtItsStart() {
        assertThat(ProgressionRule.startOf(CALF_STRETCH)).isEqualTo(new Target("calf-stretch", 3, null, 15, NO_LOAD, true));
        assertThat(ProgressionRule.startOf(new Variation("x", Measurement.REPS, false, null, null)))
                .isEqualTo(new Target("x", 1, null, null, NO_LOAD, false));
    }

    @Test
    void aLoadOnlyRuleStepsTheLoadAndGraduatesAfterItsOwnSuccesses() {
        Variation band = new Variation("band-raise", Measurement.REPS, false, new Prescription(1, 15, null),
                new Progression(List.of(), new LoadStep(new BigDecimal("2.5"), new BigDecimal("4"), 3), "band-raise-one-leg", null));
        Guidance stepped = ProgressionRule.decide(band, new Log().sessions(3, 15).sets, null, null);
        Guidance capped = ProgressionRule.decide(band, new Log().sessions(3, 15).session().loaded("4", 15)
                .session().loaded("4", 15).session().loaded("4", 15).sets, null, null);
        Guidance waiting = ProgressionRule.decide(band, new Log().sessions(3, 15).session().loaded("4", 15)
                .session().loaded("4", 15).session().loaded("4", 15).session().loaded("4", 15).sets, null, null);

        assertThat(why(stepped)).containsEntry("code", "LOAD_STEP").containsEntry("toKg", new BigDecimal("2.5"));
        assertThat(why(capped)).containsEntry("code", "LOAD_STEP").containsEntry("fromKg", new BigDecimal("2.5"))
                .containsEntry("toKg", new BigDecimal("4"));
        assertThat(why(waiting)).containsExactly(Map.entry("code", "TARGET_NOT_MET"), Map.entry("sessionsMet", 1),
                Map.entry("sessionsRequired", 3));
    }

    @Test
    void aPausePerRepIsNotAHoldTarget() {
        Variation paused = new Variation("heel-raise-pause", Measurement.REPS, false, new Prescription(2, 15, 5), null);
        Variation hold = new Variation("toe-stand", Measurement.DURATION, false, new Prescription(2, 15, 5), null);

        assertThat(ProgressionRule.startOf(paused)).isEqualTo(reps("heel-raise-pause", 2, 15, false));
        assertThat(ProgressionRule.startOf(hold)).isEqualTo(new Target("toe-stand", 2, null, 5, NO_LOAD, false));
    }

    @Test
    void loadStepsStopAtTheCeilingOrNeverWithoutOne() {
        LoadStep capped = new LoadStep(new BigDecimal("2.5"), new BigDecimal("4"), 1);
        LoadStep open = new LoadStep(new BigDecimal("2.5"), null, 1);

        assertThat(capped.up(new BigDecimal("2.5"))).isEqualTo(new BigDecimal("4"));
        assertThat(capped.up(new BigDecimal("1.5"))).isEqualTo(new BigDecimal("4"));
        assertThat(capped.up(BigDecimal.ZERO)).isEqualTo(new BigDecimal("2.5"));
        assertThat(capped.atCeiling(new BigDecimal("4.0"))).isTrue();
        assertThat(capped.atCeiling(new BigDecimal("3.9"))).isFalse();
        assertThat(open.up(new BigDecimal("7.5"))).isEqualTo(BigDecimal.TEN.setScale(0));
        assertThat(open.up(new BigDecimal("7.5")).toPlainString()).isEqualTo("10");
        assertThat(open.atCeiling(new BigDecimal("1000"))).isFalse();
        assertThat(LoadStep.plain(new BigDecimal("2.50"))).isEqualTo(new BigDecimal("2.5"));
        assertThat(LoadStep.plain(new BigDecimal("20.0")).toPlainString()).isEqualTo("20");
    }

    @Test
    void theSmallestRulesAreRules() {
        assertThat(new Ladder(Axis.REPS, 20, 1, 20, 1).up(20)).isEqualTo(20);
        assertThat(new Ladder(Axis.SETS, 1, 1, 3, 1).up(1)).isEqualTo(2);
        assertThat(new LoadStep(new BigDecimal("0.5"), null, 1).stepKg()).isEqualByComparingTo("0.5");
    }

    @Test
    void nothingToDecideFromIsRefused() {
        assertThatThrownBy(() -> ProgressionRule.decide(CURB_JUMP, List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedRulesAreRefused() {
        assertThatThrownBy(() -> new Ladder(Axis.REPS, 40, 5, 20, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(Axis.REPS, 20, 0, 40, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(Axis.REPS, 20, 5, 40, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ladder(null, 20, 5, 40, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadStep(BigDecimal.ZERO, null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadStep(new BigDecimal("-1"), null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadStep(null, null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadStep(BigDecimal.ONE, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
