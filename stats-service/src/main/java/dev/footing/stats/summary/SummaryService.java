package dev.footing.stats.summary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.db.StoreUnavailableException;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.facts.Totals;
import dev.footing.stats.facts.UserClock;
import dev.footing.stats.goal.Goals;
import dev.footing.stats.streak.StreakCalculator;
import dev.footing.stats.streak.Streaks;
import dev.footing.stats.time.Bucket;
import dev.footing.stats.time.LocalDates;

/** Composes the summary and the streaks of users from the counted sets. */
@ApplicationScoped
public class SummaryService {

    @Inject
    DataSource dataSource;

    @Inject
    CountedSets sets;

    @Inject
    Goals goals;

    @Inject
    UserClock userClock;

    /** {@code asOf} null: today in the user's most recent zone. */
    public Summary summary(String userId, LocalDate asOf) {
        return summaries(List.of(userId), asOf).get(userId);
    }

    /**
     * The summary of each of {@code userIds} (a user without any event included), read by one statement
     * however many users are asked for (see {@link SummaryQueries}).
     */
    public Map<String, Summary> summaries(Collection<String> userIds, LocalDate asOf) {
        // Every user's "today" lies between today at the earliest offset and today at the latest: its week is
        // one of those two days' weeks, which the statement totals before it knows the user's zone.
        Clock now = userClock.stopped();
        LocalDate firstMonday = Bucket.WEEK.start(asOf != null ? asOf : LocalDates.today(now, ZoneOffset.MIN));
        LocalDate lastMonday = Bucket.WEEK.start(asOf != null ? asOf : LocalDates.today(now, ZoneOffset.MAX));
        try (Connection connection = dataSource.getConnection()) {
            Map<String, SummaryFacts> facts = SummaryQueries.facts(connection, userIds, firstMonday, lastMonday);
            Map<String, Summary> summaries = new HashMap<>();
            facts.forEach((userId, f) -> {
                ZoneId zone = userClock.zoneOf(f.latestTimezone());
                LocalDate day = asOf != null ? asOf : LocalDates.today(now, zone);
                summaries.put(userId, summary(userId, day, zone, f));
            });
            return summaries;
        } catch (SQLException e) {
            throw new StoreUnavailableException("summary query failed: " + e.getMessage(), e);
        }
    }

    private static Summary summary(String userId, LocalDate day, ZoneId zone, SummaryFacts f) {
        List<LocalDate> activeDays = f.activeDays();
        LocalDate monday = Bucket.WEEK.start(day);
        LocalDate sunday = Bucket.WEEK.end(monday);
        Totals week = f.weeks().get(monday);
        LocalDate lastActive = activeDays.stream().filter(d -> !d.isAfter(day)).reduce((a, b) -> b).orElse(null);
        return new Summary(userId, day, zone.getId(), f.eventsApplied(), f.lastEventAt(), lastActive, f.allTime(),
                WeekTotals.of(Bucket.isoWeek(day), monday, sunday, week),
                StreakCalculator.daily(activeDays, day),
                StreakCalculator.weekly(activeDays, day, f.activeDaysPerWeek()));
    }

    public Streaks streaks(String userId, LocalDate asOf) {
        ZoneId zone = userClock.zone(userId);
        LocalDate day = asOf != null ? asOf : userClock.today(zone);
        List<LocalDate> activeDays = sets.activeDays(userId);
        return new Streaks(userId, day, zone.getId(), StreakCalculator.daily(activeDays, day),
                StreakCalculator.weekly(activeDays, day, goals.activeDaysPerWeek(userId)));
    }
}
