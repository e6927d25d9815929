package dev.footing.stats.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.footing.common.problem.ProblemException;
import dev.footing.stats.access.UserAccess;
import dev.footing.stats.catalog.CatalogProgram;
import dev.footing.stats.catalog.CatalogReplica;
import dev.footing.stats.facts.UserClock;
import io.quarkus.security.Authenticated;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The programs a user follows (docs/architecture.md §9): read like any stats, changed by the user or an admin. */
@Path("/api/users/{userId}/programs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {

    /** Where the catalog gives no frequency as a number. */
    static final int DEFAULT_SESSIONS_PER_WEEK = 2;

    public record FollowedPrograms(List<FollowedProgram> items) {
    }

    @Inject
    UserAccess access;

    @Inject
    ProgramFollows follows;

    @Inject
    CatalogReplica catalog;

    @Inject
    UserClock userClock;

    @GET
    public FollowedPrograms list(@PathParam("userId") String userIdParam) {
        String userId = access.toRead(userIdParam);
        List<ProgramFollows.Row> rows = follows.of(userId);
        Map<UUID, CatalogProgram> programs = catalog.programs(rows.stream().map(ProgramFollows.Row::programId).toList())
                .stream().collect(Collectors.toMap(CatalogProgram::id, Function.identity()));
        // A follow whose program the replica does not know (yet) is left out rather than shown without a name.
        return new FollowedPrograms(rows.stream().filter(row -> programs.containsKey(row.programId()))
                .map(row -> followed(programs.get(row.programId()), row)).toList());
    }

    /** Follows the program, or changes its sessions per week; an empty body (or none) takes the program's advice. */
    @PUT
    @Path("/{program}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FollowedProgram follow(@PathParam("userId") String userIdParam, @PathParam("program") String programParam,
            @RequestBody(required = false) @Valid FollowRequest request) {
        String userId = access.toManage(userIdParam);
        CatalogProgram program = resolve(programParam);
        int sessionsPerWeek = request != null && request.sessionsPerWeek() != null ? request.sessionsPerWeek()
                : program.sessionsPerWeek() != null ? program.sessionsPerWeek() : DEFAULT_SESSIONS_PER_WEEK;
        return followed(program, follows.follow(userId, program.id(), sessionsPerWeek, userClock.today(userClock.zone(userId))));
    }

    /** 204, also when the program was not followed. */
    @DELETE
    @Path("/{program}")
    public void unfollow(@PathParam("userId") String userIdParam, @PathParam("program") String programParam) {
        String userId = access.toManage(userIdParam);
        follows.unfollow(userId, resolve(programParam).id());
    }

    private CatalogProgram resolve(String idOrSlug) {
        Optional<CatalogProgram> program;
        try {
            UUID id = UUID.fromString(idOrSlug);
            program = id.toString().equalsIgnoreCase(idOrSlug) ? catalog.program(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            program = catalog.programBySlug(idOrSlug);
        }
        return program.orElseThrow(() -> ProblemException.notFound("program", idOrSlug));
    }

    private static FollowedProgram followed(CatalogProgram program, ProgramFollows.Row row) {
        return new FollowedProgram(FollowedProgram.ProgramRef.of(program), row.sessionsPerWeek(), row.since());
    }
}
