package dev.footing.common.problem;

import java.net.URI;
import java.util.List;

/**
 * Thrown by resources and services to answer with a problem; mapped by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail, List<Problem.Violation> violations) {
        return new ProblemException(new Problem(type("validation"), "Invalid request", 400, detail, violations));
    }

    public static ProblemException invalidField(String field, String message) {
        return badRequest(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem(type("forbidden"), "Forbidden", 403, detail, List.of()));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(new Problem(type("not-found"), "Not found", 404, what + " " + id + " does not exist", List.of()));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(type("conflict"), "Conflict", 409, detail, List.of()));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(new Problem(type("payload-too-large"), "Payload too large", 413, detail, List.of()));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(new Problem(type("unprocessable"), "Unprocessable entity", 422, field + ": " + message,
                List.of(new Problem.Violation(field, message))));
    }

    public static URI type(String slug) {
        return URI.create("https://footing.dev/problems/" + slug);
    }
}
