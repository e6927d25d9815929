package dev.footing.session.problem;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.footing.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for Jackson's {@link MismatchedInputException} (wrong types,
 * unknown enum values in a request entity), which answers plain JSON. Being the more specific
 * type, it would win over the shared {@link ProblemMappers}; this routes it back to the problem answer.
 */
public class JsonInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return problems.unreadable(e);
    }
}
