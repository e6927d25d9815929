package dev.footing.common.security;

import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;
import dev.footing.common.problem.ProblemMappers;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as RFC 9457 problems like every other error. Quarkus' own mappers for these answer
 * with an empty body; ours win by priority. Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}), so a bad token fails inside the REST layer where
 * these mappers apply.
 */
public class SecurityProblems {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers) {
        return unauthorized(headers);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response badToken(AuthenticationFailedException e, HttpHeaders headers) {
        return unauthorized(headers);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(ProblemException.forbidden("your token does not allow this request").problem());
    }

    /** The provider's keys could not be fetched: the token can be neither accepted nor refused yet. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response providerUnavailable(OIDCException e) {
        Problem problem = new Problem(ProblemException.type("identity-provider-unavailable"), "Service unavailable", 503,
                "The identity provider cannot be reached to verify the token; try again shortly.", List.of());
        return Response.fromResponse(ProblemMappers.respond(problem)).header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    private static Response unauthorized(HttpHeaders headers) {
        // RFC 6750 §3: a request without credentials gets a bare challenge; one with a token
        // that failed verification (expired, wrong signature, issuer or audience) says so.
        boolean presented = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        String challenge = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        String detail = presented
                ? "The bearer token is not valid here (expired, wrongly signed, or for another issuer or audience)."
                : "This request needs a bearer token from the identity provider (Authorization: Bearer ...).";
        Problem problem = new Problem(ProblemException.type("unauthorized"), "Unauthorized", 401, detail, List.of());
        return Response.fromResponse(ProblemMappers.respond(problem)).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
