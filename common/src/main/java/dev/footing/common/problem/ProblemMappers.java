package dev.footing.common.problem;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.footing.common.db.SqlStates;
import dev.footing.common.db.StoreUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 answers: never a stack trace, never an HTML page.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemException.type("validation"), "Invalid request", 400, detail, violations));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message = mapping instanceof InvalidFormatException format
                    ? "cannot accept " + describe(format.getValue()) + allowed(format.getTargetType())
                    : mapping instanceof UnrecognizedPropertyException ? "is not a known field"
                    : "has the wrong type";
            return respond(new Problem(ProblemException.type("validation"), "Invalid request", 400, field + ": " + message,
                    List.of(new Problem.Violation(field, message))));
        }
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String field = duplicate.group(1);
            return respond(new Problem(ProblemException.type("validation"), "Invalid request", 400,
                    field + ": appears more than once", List.of(new Problem.Violation(field, "appears more than once"))));
        }
        return respond(new Problem(ProblemException.type("malformed-json"), "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), List.of()));
    }

    /**
     * Quarkus REST ships its own mapper for this subtype (a wrong type or unknown enum value in a
     * body) that answers plain JSON; being more specific, it would beat {@link #unreadable}.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return respond(new Problem(ProblemException.type("http-" + status), title, status,
                e.getMessage() == null ? title : e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        return databaseUnavailable(e);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (SqlStates.isUnavailable(e)) {
            // Whatever layer it surfaced through (JDBC, Hibernate, a transaction), a database that
            // cannot answer is temporary: tell the client when to come back instead of a 500.
            return databaseUnavailable(e);
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem(ProblemException.type("internal"), "Internal error", 500,
                "Something went wrong on our side; it has been logged.", List.of()));
    }

    private static Response databaseUnavailable(Throwable e) {
        LOG.warnf("database unavailable: %s", e.toString());
        Response problem = respond(new Problem(ProblemException.type("unavailable"), "Service unavailable", 503,
                "The database cannot answer right now; try again shortly.", List.of()));
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // Method validation paths look like "create.request.sets[0].reps": drop the method and parameter.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; allowed: " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return type == null ? "" : "; expected " + type.getSimpleName();
    }
}
