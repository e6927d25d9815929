package dev.footing.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import dev.footing.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is asking: the user id is the token's user claim ({@code preferred_username} unless
 * {@code OIDC_USER_CLAIM} names another), so ids such as {@code demo-ana} mean the same person
 * in every service.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The caller's user id; a 401 when the request carries no (valid) token. */
    public String userId() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return identity.getPrincipal().getName();
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(Roles.ADMIN);
    }

    /**
     * The user a request acts for: the caller when {@code requested} is omitted, itself, or
     * anyone for an admin; a 403 problem otherwise.
     */
    public String actingFor(String requested) {
        String self = userId();
        if (requested == null || requested.equals(self) || isAdmin()) {
            return requested == null ? self : requested;
        }
        throw ProblemException.forbidden("you may only act for yourself (" + self + "), not for " + requested);
    }
}
