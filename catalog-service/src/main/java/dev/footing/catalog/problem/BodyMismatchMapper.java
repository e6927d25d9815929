package dev.footing.catalog.problem;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.footing.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (wrong type or unknown
 * enum value in a body), which is more specific than the common {@code JsonProcessingException}
 * mapper and answers plain JSON. This hands those errors back to the one problem mapping.
 */
public class BodyMismatchMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problems.unreadable(e);
    }
}
