package dev.footing.stats.problem;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.footing.common.problem.ProblemMappers;

/**
 * Quarkus ships its own mapper for {@link MismatchedInputException} (a wrong JSON type, e.g. a
 * string where a number belongs) and, being more specific than the shared JsonProcessingException
 * mapper, it wins with a non-RFC 9457 body. This puts the shared problem answer back.
 */
public class MismatchedInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problems.unreadable(e);
    }
}
