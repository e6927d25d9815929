package dev.footing.session.export;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import dev.footing.common.problem.ProblemMappers;
import dev.footing.session.config.SessionConfig;
import dev.footing.session.workout.SessionAccess;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/users/{userId}/export}: every set of a user, one row each, streamed from a database
 * cursor to the client (docs/architecture.md §9). Access as for every session read (the user, or an
 * admin; {@code me} is the caller). Parameters and access are checked and the query is run before the
 * first byte, so each of those failures is still a problem answer; after that, a failure can only cut
 * the stream short (the client sees an incomplete CSV or JSON, never a wrong one).
 */
@Path("/api/users/{userId}/export")
@Authenticated
@Tag(name = "export")
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class);

    @Inject
    SessionAccess access;

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper json;

    @Inject
    SessionConfig config;

    @Inject
    ExportSlots slots;

    @GET
    @Operation(summary = "Every set of a user as CSV (RFC 4180, with a header row) or a JSON array, streamed; "
            + "from/to bound the sets' local dates, inclusive, both optional")
    @APIResponse(responseCode = "200", description = "text/csv or application/json, as format says",
            headers = @Header(name = "Content-Disposition", description = "attachment, with the file name",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                            description = "RFC 4180: a header row with ExportRow's field names, then one record a set")),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ExportRow.class)) })
    public Response export(@PathParam("userId") String userId, @QueryParam("format") String format,
            @QueryParam("from") String from, @QueryParam("to") String to) throws SQLException {
        String user = access.userInPath(userId);
        ExportQuery query = ExportQuery.parse(format, from, to);
        if (!slots.tryAcquire()) {
            return busy();
        }
        ExportCursor rows;
        try {
            rows = ExportCursor.open(db, user, query.from(), query.to(), config.export().fetchSize(),
                    config.export().readTimeout());
        } catch (SQLException | RuntimeException e) {
            slots.release();
            throw e;
        }
        ExportWriter writer = new ExportWriter(json);
        StreamingOutput body = out -> {
            try (rows) {
                writer.write(query.format(), rows, out);
            } catch (SQLException e) {
                // The answer has started: the client's stream ends short; log why.
                LOG.warnf("export of %s cut short: %s", user, e.toString());
                throw new java.io.IOException("export cut short", e);
            } finally {
                slots.release();
            }
        };
        return Response.ok(body, query.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + query.fileName(user) + "\"")
                .build();
    }

    /**
     * What GET would answer, without a body: checked like GET, but no export slot and no cursor are
     * taken. Left to JAX-RS, HEAD would run GET, whose slot and cursor are given back only by the
     * body's writer, which a HEAD answer never runs.
     */
    @HEAD
    @Operation(summary = "The export's headers (content type, file name) without the rows")
    @APIResponse(responseCode = "200", description = "What GET would answer, without a body",
            headers = @Header(name = "Content-Disposition", description = "attachment, with the file name",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response exportHeaders(@PathParam("userId") String userId, @QueryParam("format") String format,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        String user = access.userInPath(userId);
        ExportQuery query = ExportQuery.parse(format, from, to);
        return Response.ok().type(query.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + query.fileName(user) + "\"")
                .build();
    }

    private static Response busy() {
        Response problem = ProblemMappers.respond(new Problem(ProblemException.type("export-busy"), "Service unavailable",
                503, "Too many exports are running on this instance; try again shortly.", List.of()));
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
