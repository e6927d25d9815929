package dev.footing.catalog.program;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.common.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Programs are catalog content: reading them is public (docs/architecture.md §8), there are no writes. */
@Path("/api/programs")
@PermitAll
public class ProgramResource {

    @GET
    @Transactional
    @Operation(summary = "List programs with their items, sorted by name")
    public Page<ProgramView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        long total = Program.count();
        if (request.offset() >= total) {
            return new Page<>(List.of(), request.page(), request.size(), total);
        }
        List<ProgramView> items = Program.<Program>findAll(Sort.by("name").and("slug"))
                .range((int) request.offset(), (int) request.offset() + request.size() - 1)
                .list().stream().map(ProgramView::of).toList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    @GET
    @Path("{idOrSlug}")
    @Transactional
    @Operation(summary = "One program by id or slug")
    public ProgramView get(@PathParam("idOrSlug") String idOrSlug) {
        return Program.findByIdOrSlug(idOrSlug).map(ProgramView::of)
                .orElseThrow(() -> ProblemException.notFound("program", idOrSlug));
    }
}
