package dev.footing.session.workout;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.common.problem.ProblemException;
import dev.footing.common.time.DateParams;
import dev.footing.common.user.UserIds;
import dev.footing.session.config.SessionConfig;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The session API (docs/architecture.md §3). Thin: parsing here, checks in {@link RequestChecks},
 * writes in {@link SessionWrites} (new rows) and {@link SessionUpdates} (changes to them), reads in
 * {@link SessionQueries}, who may touch which session in {@link SessionAccess}. Every call needs a
 * token: the class-level check runs before the body is read, so an anonymous request gets its 401
 * whatever it sends.
 */
@Path("/api/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions")
public class SessionResource {

    @Inject
    SessionWrites writes;

    @Inject
    SessionUpdates updates;

    @Inject
    SessionQueries queries;

    @Inject
    ObjectMapper json;

    @Inject
    SessionConfig config;

    @Inject
    SessionAccess access;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session, or log a whole finished workout with its sets in one call. "
            + "userId defaults to the caller; another user's needs the admin role")
    @APIResponseSchema(value = SessionView.class, responseCode = "201",
            responseDescription = "Created (a retry of the same session answers the same); Location is its address")
    public Response create(SessionRequest body) {
        Written<SessionView> written = writes.create(body);
        // A retry answers as the first time did: 201 with the same Location.
        return Response.created(URI.create("/api/sessions/" + written.body().id())).entity(written.body()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A session with its sets")
    public SessionView get(@PathParam("id") String id) {
        return queries.get(uuid("id", id));
    }

    @GET
    @Operation(summary = "A user's sessions, newest first; from/to are local dates of the session start, inclusive. "
            + "userId defaults to the caller; another user's needs the admin role")
    public Page<SessionSummary> list(@QueryParam("userId") String userId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size) {
        String forUser = UserIds.require(access.userFor(userId == null || userId.isBlank() ? null : userId));
        LocalDate fromDate = DateParams.parse("from", from);
        LocalDate toDate = DateParams.parse("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        return queries.list(forUser, fromDate, toDate, PageRequest.parse(page, size));
    }

    @POST
    @Path("{id}/sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log one set (a JSON object) or a batch (a JSON array of up to 500): all or nothing")
    @APIResponse(responseCode = "201", description = "Logged: the set, or the batch's sets in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = { SetView.class, SetView[].class })))
    public Response addSets(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = { SetRequest.class, SetRequest[].class }))) InputStream body) {
        UUID sessionId = uuid("id", id);
        // The raw body, read here: one set (the common request) goes straight into its record; a tree
        // first and then the record cost ~3 % of the request's CPU. A batch still goes through a tree,
        // so that its size is refused (413) before any of its sets is read. Parsed from the stream with
        // Jackson's recycled buffers: taken as a byte[], the body was copied through fresh 8-16 KiB
        // buffers per request (InputStream.readAllBytes), 8 % of the bytes this service allocated under
        // 64 clients posting single sets.
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                throw ProblemException.badRequest("A set object or an array of sets is required as the request body", List.of());
            }
            if (first == JsonToken.START_OBJECT) {
                Written<List<SetView>> written = writes.addSets(sessionId, List.of(readSet(parser)), i -> "");
                return Response.status(Response.Status.CREATED).entity(written.body().get(0)).build();
            }
            if (first != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("The body must be a set object or an array of sets", List.of());
            }
            JsonNode array = json.readTree(parser);
            if (array.size() > config.maxSetsPerRequest()) {
                throw ProblemException.tooLarge(array.size() + " sets in one request; at most "
                        + config.maxSetsPerRequest() + " are accepted");
            }
            Written<List<SetView>> written = writes.addSets(sessionId, readSets(array), i -> "[" + i + "]");
            return Response.status(Response.Status.CREATED).entity(written.body()).build();
        } catch (IOException e) {
            // Mapped by the shared problem mapper, which names the offending field.
            throw new jakarta.ws.rs.BadRequestException(e);
        }
    }

    @DELETE
    @Path("{id}/sets/{setId}")
    @Operation(summary = "Retract a set (a correction): consumers un-count it. Repeating it changes nothing")
    @APIResponse(responseCode = "204", description = "Retracted (or already retracted)")
    public Response retract(@PathParam("id") String id, @PathParam("setId") String setId) {
        updates.retract(uuid("id", id), uuid("setId", setId));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Complete a session; the body {\"completedAt\": ...} is optional (default: now)")
    public SessionView complete(@PathParam("id") String id,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CompleteRequest.class))) String body) {
        UUID sessionId = uuid("id", id);
        CompleteRequest request = null;
        if (body != null && !body.isBlank()) {
            try {
                request = json.readValue(body, CompleteRequest.class);
            } catch (JsonProcessingException e) {
                throw new jakarta.ws.rs.BadRequestException(e);
            }
        }
        return updates.complete(sessionId, request).body();
    }

    private SetRequest readSet(JsonParser parser) throws IOException {
        return json.readValue(parser, SetRequest.class);
    }

    private List<SetRequest> readSets(JsonNode array) throws IOException {
        return json.readerForListOf(SetRequest.class).readValue(array);
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be a UUID, not \"" + value + "\"");
        }
    }
}
