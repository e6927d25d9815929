package dev.footing.stats.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.footing.stats.time.Bucket;

/**
 * Adherence to one followed program per ISO week (docs/architecture.md §9), a pure function of the user's
 * sessions. A session is done for the program when it names the program and trained at least half of the
 * program's exercises; a week is on plan when it has at least the planned sessions. The weekly streak is the
 * run of weeks on plan ending with this week if it is already on plan, else with the last one (a week is not
 * broken until it is over).
 *
 * <p>The plan starts with the week the user followed the program, or with the week of the first session done
 * for it if that came earlier (someone who trained a program before saying so in Footing did follow it then).
 * Weeks before the plan started are shown with nothing planned and {@code onPlan} null, and never count.
 */
public final class AdherenceWeeks {

    private AdherenceWeeks() {
    }

    /** The program's answer: its weeks in [from, to] and the streak as of {@code today}. */
    public record Result(List<AdherenceWeek> weeks, int weeklyStreak) {
    }

    public static Result of(UUID programId, Collection<UUID> items, int sessionsPerWeek, LocalDate since,
            Collection<ProgramSession> sessions, LocalDate from, LocalDate to, LocalDate today) {
        Map<LocalDate, Integer> donePerWeek = new HashMap<>();
        for (ProgramSession session : sessions) {
            if (done(session, programId, items)) {
                donePerWeek.merge(Bucket.WEEK.start(session.date()), 1, Integer::sum);
            }
        }
        LocalDate firstPlanned = donePerWeek.keySet().stream().min(LocalDate::compareTo)
                .filter(first -> first.isBefore(Bucket.WEEK.start(since))).orElse(Bucket.WEEK.start(since));
        List<AdherenceWeek> weeks = new ArrayList<>();
        for (LocalDate week : Bucket.WEEK.starts(from, to)) {
            weeks.add(week(week, firstPlanned, sessionsPerWeek, donePerWeek));
        }
        return new Result(weeks, streak(firstPlanned, sessionsPerWeek, donePerWeek, today));
    }

    static boolean done(ProgramSession session, UUID programId, Collection<UUID> items) {
        if (!programId.equals(session.programId())) {
            return false;
        }
        Set<UUID> program = new HashSet<>(items);
        long trained = program.stream().filter(session.exercises()::contains).count();
        return trained * 2 >= program.size();
    }

    private static AdherenceWeek week(LocalDate start, LocalDate firstPlanned, int sessionsPerWeek,
            Map<LocalDate, Integer> donePerWeek) {
        int done = donePerWeek.getOrDefault(start, 0);
        if (start.isBefore(firstPlanned)) {
            return new AdherenceWeek(Bucket.isoWeek(start), 0, done, null);
        }
        return new AdherenceWeek(Bucket.isoWeek(start), sessionsPerWeek, done, done >= sessionsPerWeek);
    }

    private static int streak(LocalDate firstPlanned, int sessionsPerWeek, Map<LocalDate, Integer> donePerWeek,
            LocalDate today) {
        LocalDate week = Bucket.WEEK.start(today);
        if (donePerWeek.getOrDefault(week, 0) < sessionsPerWeek) {
            week = week.minusWeeks(1);
        }
        int streak = 0;
        while (!week.isBefore(firstPlanned) && donePerWeek.getOrDefault(week, 0) >= sessionsPerWeek) {
            streak++;
            week = week.minusWeeks(1);
        }
        return streak;
    }
}
