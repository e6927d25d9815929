package dev.footing.stats.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import dev.footing.common.problem.ProblemMappers;

/** A database outage is temporary: 503 with Retry-After, and the cause in the log rather than the body. */
public class StoreUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class);

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warn(e.getMessage(), e.getCause());
        Response problem = ProblemMappers.respond(new Problem(ProblemException.type("unavailable"), "Service unavailable",
                503, "The statistics store cannot answer right now; try again shortly.", List.of()));
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
