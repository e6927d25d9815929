package dev.footing.stats.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.time.DateParams;
import dev.footing.stats.access.UserAccess;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.facts.DayTotals;
import dev.footing.stats.facts.UserClock;
import dev.footing.stats.time.Bucket;
import dev.footing.stats.time.DateRanges;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/calendar")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Inject
    UserAccess access;

    @Inject
    CountedSets sets;

    @Inject
    UserClock userClock;

    /** Defaults: to=today in the user's zone, from=364 days before to (a year of days). */
    @GET
    public Calendar calendar(@PathParam("userId") String userIdParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        String userId = access.toRead(userIdParam);
        LocalDate from = DateParams.parse("from", fromParam);
        LocalDate to = DateParams.parse("to", toParam);
        if (to == null) {
            to = userClock.today(userClock.zone(userId));
        }
        if (from == null) {
            from = to.minusDays(364);
        }
        DateRanges.requireOrdered(from, to);
        DateRanges.requireAtMost(Bucket.DAY, from, to, "from");
        Map<LocalDate, DayTotals> active = sets.perDay(userId, from, to, null).stream()
                .collect(Collectors.toMap(DayTotals::date, Function.identity()));
        List<DayTotals> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(active.getOrDefault(day, DayTotals.empty(day)));
        }
        return new Calendar(userId, from, to, active.size(), days);
    }
}
