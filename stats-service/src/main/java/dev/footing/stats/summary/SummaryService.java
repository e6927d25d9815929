package dev.footing.stats.summary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.facts.UserClock;
import dev.footing.stats.goal.Goals;
import dev.footing.stats.streak.StreakCalculator;
import dev.footing.stats.streak.Streaks;
import dev.footing.stats.time.Bucket;

/** Composes the summary and the streaks of one user from the counted sets. */
@ApplicationScoped
public class SummaryService {

    @Inject
    CountedSets sets;

    @Inject
    Goals goals;

    @Inject
    UserClock userClock;

    /** {@code asOf} null: today in the user's most recent zone. */
    public Summary summary(String userId, LocalDate asOf) {
        ZoneId zone = userClock.zone(userId);
        LocalDate day = asOf != null ? asOf : userClock.today(zone);
        List<LocalDate> activeDays = sets.activeDays(userId);
        LocalDate monday = Bucket.WEEK.start(day);
        LocalDate sunday = Bucket.WEEK.end(monday);
        LocalDate lastActive = activeDays.stream().filter(d -> !d.isAfter(day)).reduce((a, b) -> b).orElse(null);
        return new Summary(userId, day, zone.getId(), sets.eventsApplied(userId), sets.lastEventAt(userId).orElse(null),
                lastActive, sets.totals(userId, null, null, null),
                WeekTotals.of(Bucket.isoWeek(day), monday, sunday, sets.totals(userId, monday, sunday, null)),
                StreakCalculator.daily(activeDays, day),
                StreakCalculator.weekly(activeDays, day, goals.activeDaysPerWeek(userId)));
    }

    public Streaks streaks(String userId, LocalDate asOf) {
        ZoneId zone = userClock.zone(userId);
        LocalDate day = asOf != null ? asOf : userClock.today(zone);
        List<LocalDate> activeDays = sets.activeDays(userId);
        return new Streaks(userId, day, zone.getId(), StreakCalculator.daily(activeDays, day),
                StreakCalculator.weekly(activeDays, day, goals.activeDaysPerWeek(userId)));
    }
}
