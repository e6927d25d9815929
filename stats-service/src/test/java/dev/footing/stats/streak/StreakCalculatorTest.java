package dev.footing.stats.streak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class StreakCalculatorTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static List<LocalDate> days(String... dates) {
        return Stream.of(dates).map(LocalDate::parse).toList();
    }

    private static List<LocalDate> range(String from, String to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    @Test
    void noActivityMeansNoStreak() {
        DailyStreak streak = StreakCalculator.daily(List.of(), d("2026-05-10"));
        assertThat(streak).isEqualTo(new DailyStreak(0, null, null, 0, null, null));
    }

    @Test
    void runEndingTodayCountsToday() {
        DailyStreak streak = StreakCalculator.daily(days("2026-05-08", "2026-05-09", "2026-05-10"), d("2026-05-10"));
        assertThat(streak.current()).isEqualTo(3);
        assertThat(streak.currentFrom()).isEqualTo(d("2026-05-08"));
        assertThat(streak.currentTo()).isEqualTo(d("2026-05-10"));
    }

    @Test
    void runEndingYesterdayIsStillAliveBecauseTodayIsNotOver() {
        DailyStreak streak = StreakCalculator.daily(days("2026-05-08", "2026-05-09"), d("2026-05-10"));
        assertThat(streak.current()).isEqualTo(2);
        assertThat(streak.currentTo()).isEqualTo(d("2026-05-09"));
    }

    @Test
    void runEndingTheDayBeforeYesterdayIsBroken() {
        DailyStreak streak = StreakCalculator.daily(days("2026-05-07", "2026-05-08"), d("2026-05-10"));
        assertThat(streak.current()).isZero();
        assertThat(streak.currentFrom()).isNull();
        assertThat(streak.longest()).isEqualTo(2);
    }

    @Test
    void longestRunWithItsFirstAndLastDate() {
        List<LocalDate> active = new ArrayList<>(range("2026-01-01", "2026-01-05"));
        active.addAll(range("2026-02-01", "2026-02-03"));
        DailyStreak streak = StreakCalculator.daily(active, d("2026-02-03"));
        assertThat(streak.current()).isEqualTo(3);
        assertThat(streak.longest()).isEqualTo(5);
        assertThat(streak.longestFrom()).isEqualTo(d("2026-01-01"));
        assertThat(streak.longestTo()).isEqualTo(d("2026-01-05"));
    }

    @Test
    void onATieTheMostRecentRunIsTheLongest() {
        DailyStreak streak = StreakCalculator.daily(days("2026-03-01", "2026-03-02", "2026-03-10", "2026-03-11"),
                d("2026-04-01"));
        assertThat(streak.longest()).isEqualTo(2);
        assertThat(streak.longestFrom()).isEqualTo(d("2026-03-10"));
        assertThat(streak.longestTo()).isEqualTo(d("2026-03-11"));
    }

    @Test
    void lateSetBridgesTwoRuns() {
        List<LocalDate> before = days("2026-06-01", "2026-06-02", "2026-06-04", "2026-06-05");
        assertThat(StreakCalculator.daily(before, d("2026-06-05")).current()).isEqualTo(2);
        List<LocalDate> after = new ArrayList<>(before);
        after.add(d("2026-06-03"));
        DailyStreak bridged = StreakCalculator.daily(after, d("2026-06-05"));
        assertThat(bridged.current()).isEqualTo(5);
        assertThat(bridged.currentFrom()).isEqualTo(d("2026-06-01"));
        assertThat(bridged.longest()).isEqualTo(5);
    }

    @Test
    void retractionBreaksARun() {
        // The only set of 06-03 was retracted: the day is no longer active.
        List<LocalDate> active = days("2026-06-01", "2026-06-02", "2026-06-04", "2026-06-05");
        DailyStreak streak = StreakCalculator.daily(active, d("2026-06-05"));
        assertThat(streak.current()).isEqualTo(2);
        assertThat(streak.currentFrom()).isEqualTo(d("2026-06-04"));
        assertThat(streak.longest()).isEqualTo(2);
        assertThat(streak.longestFrom()).isEqualTo(d("2026-06-04"));
    }

    @Test
    void asOfInThePastIgnoresLaterDays() {
        List<LocalDate> active = range("2026-06-01", "2026-06-20");
        DailyStreak streak = StreakCalculator.daily(active, d("2026-06-05"));
        assertThat(streak.current()).isEqualTo(5);
        assertThat(streak.longest()).isEqualTo(5);
        assertThat(streak.longestTo()).isEqualTo(d("2026-06-05"));
    }

    @Test
    void asOfInTheFutureFindsTheRunBroken() {
        List<LocalDate> active = range("2026-06-01", "2026-06-20");
        DailyStreak streak = StreakCalculator.daily(active, d("2026-07-01"));
        assertThat(streak.current()).isZero();
        assertThat(streak.longest()).isEqualTo(20);
        assertThat(StreakCalculator.daily(active, d("2026-06-21")).current()).isEqualTo(20);
    }

    @Test
    void runCrossesTheYearBoundaryAndIsoWeek53() {
        DailyStreak streak = StreakCalculator.daily(range("2026-12-28", "2027-01-04"), d("2027-01-04"));
        assertThat(streak.current()).isEqualTo(8);
        assertThat(streak.currentFrom()).isEqualTo(d("2026-12-28"));
    }

    @Test
    void leapDayIsPartOfARun() {
        assertThat(StreakCalculator.daily(days("2028-02-28", "2028-02-29", "2028-03-01"), d("2028-03-01")).current())
                .isEqualTo(3);
        // No 29 February in 2027: the 28th and 1 March are consecutive.
        assertThat(StreakCalculator.daily(days("2027-02-28", "2027-03-01"), d("2027-03-01")).current()).isEqualTo(2);
    }

    @Test
    void duplicatesInTheInputDoNotCountTwice() {
        assertThat(StreakCalculator.daily(days("2026-05-09", "2026-05-09", "2026-05-10"), d("2026-05-10")).current())
                .isEqualTo(2);
    }

    @Test
    void weeklyStreakWithDefaultGoalOfOneDay() {
        // Active in 2026-W50, W51, W52, W53 and 2027-W01 (Thursday 2027-01-07 is today).
        WeeklyStreak streak = StreakCalculator.weekly(days("2026-12-09", "2026-12-16", "2026-12-21", "2026-12-31",
                "2027-01-05"), d("2027-01-07"), 1);
        assertThat(streak.current()).isEqualTo(5);
        assertThat(streak.currentFromWeek()).isEqualTo("2026-W50");
        assertThat(streak.currentToWeek()).isEqualTo("2027-W01");
        assertThat(streak.thisWeek()).isEqualTo("2027-W01");
        assertThat(streak.thisWeekActiveDays()).isEqualTo(1);
        assertThat(streak.thisWeekMet()).isTrue();
        assertThat(streak.longest()).isEqualTo(5);
    }

    @Test
    void weeklyStreakEndsWithLastWeekWhileThisWeekHasNotMetTheGoalYet() {
        // Goal 3: W52 has 3 days, W53 has 3 (across the new year), this week only 1 so far.
        List<LocalDate> active = days("2026-12-21", "2026-12-23", "2026-12-25", "2026-12-29", "2026-12-31",
                "2027-01-02", "2027-01-05");
        WeeklyStreak streak = StreakCalculator.weekly(active, d("2027-01-07"), 3);
        assertThat(streak.current()).isEqualTo(2);
        assertThat(streak.currentFromWeek()).isEqualTo("2026-W52");
        assertThat(streak.currentToWeek()).isEqualTo("2026-W53");
        assertThat(streak.thisWeekMet()).isFalse();
        assertThat(streak.thisWeekActiveDays()).isEqualTo(1);
    }

    @Test
    void weeklyStreakIsBrokenByAWeekBelowTheGoal() {
        List<LocalDate> active = days("2026-12-14", "2026-12-15", "2026-12-21", "2026-12-29", "2026-12-30");
        WeeklyStreak streak = StreakCalculator.weekly(active, d("2027-01-07"), 2);
        assertThat(streak.current()).isEqualTo(1);
        assertThat(streak.currentFromWeek()).isEqualTo("2026-W53");
        assertThat(streak.longest()).isEqualTo(1);
        assertThat(streak.longestFromWeek()).isEqualTo("2026-W53");
    }

    @Test
    void weeklyStreakIsZeroWhenLastWeekMissedTheGoal() {
        WeeklyStreak streak = StreakCalculator.weekly(days("2026-12-14"), d("2027-01-07"), 1);
        assertThat(streak.current()).isZero();
        assertThat(streak.currentFromWeek()).isNull();
        assertThat(streak.longest()).isEqualTo(1);
        assertThat(streak.longestToWeek()).isEqualTo("2026-W51");
    }

    @Test
    void weeklyGoalOutsideOneToSevenIsRefused() {
        assertThatThrownBy(() -> StreakCalculator.weekly(List.of(), d("2027-01-07"), 8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
