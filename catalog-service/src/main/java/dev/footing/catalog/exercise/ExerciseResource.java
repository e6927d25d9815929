package dev.footing.catalog.exercise;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.common.problem.Enums;
import dev.footing.common.problem.ProblemException;
import dev.footing.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/exercises")
public class ExerciseResource {

    @Inject
    ExerciseService exercises;

    @GET
    @PermitAll
    @Operation(summary = "List active exercises", description = "Filters combine with AND; repeated values of one filter with OR. "
            + "q matches name, summary and instructions, case-insensitive. Sorted by name.")
    public Page<ExerciseView> list(@QueryParam("q") String q,
            @Parameter(description = "repeatable; one of the Category values") @QueryParam("category") List<String> category,
            @Parameter(description = "repeatable; one of the BodyArea values") @QueryParam("bodyArea") List<String> bodyArea,
            @Parameter(description = "repeatable; one of the Equipment values") @QueryParam("equipment") List<String> equipment,
            @Parameter(description = "repeatable; one of the Difficulty values") @QueryParam("difficulty") List<String> difficulty,
            @Parameter(description = "0-based, default 0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        if (q != null && q.length() > ExerciseFilter.MAX_QUERY) {
            throw ProblemException.invalidField("q", "must be at most " + ExerciseFilter.MAX_QUERY + " characters");
        }
        if (ExerciseValidator.hasNul(q)) {
            throw ProblemException.invalidField("q", ExerciseValidator.NUL_MESSAGE);
        }
        ExerciseFilter filter = new ExerciseFilter(q,
                Enums.parseAll(Category.class, "category", category),
                Enums.parseAll(BodyArea.class, "bodyArea", bodyArea),
                Enums.parseAll(Equipment.class, "equipment", equipment),
                Enums.parseAll(Difficulty.class, "difficulty", difficulty));
        return exercises.list(filter, PageRequest.parse(page, size));
    }

    @GET
    @PermitAll
    @Path("{idOrSlug}")
    @Operation(summary = "One exercise by id or slug, retired ones included")
    public ExerciseView get(@PathParam("idOrSlug") String idOrSlug) {
        return exercises.get(idOrSlug);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an exercise (admin)")
    @APIResponse(responseCode = "201", description = "Created; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExerciseView.class)))
    public Response create(ExerciseRequest request) {
        ExerciseView created = exercises.create(request);
        return Response.created(URI.create("/api/exercises/" + created.id())).entity(created).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(summary = "Replace an exercise's fields (admin); the id (or slug) stays the address")
    public ExerciseView update(@PathParam("id") String id, ExerciseRequest request) {
        return exercises.update(id, request);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(summary = "Retire an exercise (admin): hidden from lists, still readable, published with retired=true")
    @APIResponse(responseCode = "204", description = "Retired")
    public Response retire(@PathParam("id") String id) {
        exercises.retire(id);
        return Response.noContent().build();
    }
}
