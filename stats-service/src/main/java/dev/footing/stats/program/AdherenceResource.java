package dev.footing.stats.program;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import dev.footing.stats.catalog.CatalogProgram;
import dev.footing.stats.catalog.CatalogReplica;
import dev.footing.stats.catalog.ProgramItem;
import dev.footing.stats.facts.UserClock;
import dev.footing.stats.time.Bucket;
import dev.footing.stats.time.DateRanges;
import io.quarkus.security.Authenticated;

@Path("/api/users/{userId}/adherence")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdherenceResource {

    /** Weeks shown when no range is asked for: this ISO week and the seven before it. */
    static final int DEFAULT_WEEKS = 8;

    public record Adherence(LocalDate from, LocalDate to, List<ProgramAdherence> items) {
    }

    @Inject
    UserAccess access;

    @Inject
    ProgramFollows follows;

    @Inject
    ProgramSessions programSessions;

    @Inject
    CatalogReplica catalog;

    @Inject
    UserClock userClock;

    @GET
    public Adherence adherence(@PathParam("userId") String userIdParam, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        String userId = access.toRead(userIdParam);
        LocalDate from = DateParams.parse("from", fromParam);
        LocalDate to = DateParams.parse("to", toParam);
        ZoneId zone = userClock.zone(userId);
        LocalDate today = userClock.today(zone);
        if (to == null) {
            to = Bucket.WEEK.end(Bucket.WEEK.start(from == null ? today : from.plusWeeks(DEFAULT_WEEKS - 1)));
        }
        if (from == null) {
            from = Bucket.WEEK.start(to).minusWeeks(DEFAULT_WEEKS - 1);
        }
        DateRanges.requireOrdered(from, to);
        DateRanges.requireAtMost(Bucket.WEEK, from, to, "from");
        List<ProgramFollows.Row> rows = follows.of(userId);
        Map<UUID, CatalogProgram> programs = catalog.programs(rows.stream().map(ProgramFollows.Row::programId).toList())
                .stream().collect(Collectors.toMap(CatalogProgram::id, Function.identity()));
        List<ProgramSession> sessions = rows.isEmpty() ? List.of() : programSessions.of(userId);
        List<ProgramAdherence> items = new ArrayList<>();
        for (ProgramFollows.Row row : rows) {
            CatalogProgram program = programs.get(row.programId());
            if (program == null) {
                continue;
            }
            AdherenceWeeks.Result result = AdherenceWeeks.of(program.id(),
                    program.items().stream().map(ProgramItem::exerciseId).toList(), row.sessionsPerWeek(), row.since(),
                    sessions, from, to, today);
            items.add(new ProgramAdherence(FollowedProgram.ProgramRef.of(program), row.sessionsPerWeek(), result.weeks(),
                    result.weeklyStreak()));
        }
        return new Adherence(from, to, items);
    }
}
