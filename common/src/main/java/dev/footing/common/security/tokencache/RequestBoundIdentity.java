package dev.footing.common.security.tokencache;

import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A cached identity as one request sees it: everything is the cached identity's, and the request's
 * own attributes ({@link RequestAttributes}) are added on top. A view rather than a copy, because it
 * is made on every request the cache answers: copying the identity's roles, credentials, permissions
 * and attributes into a new one each time was most of the cache's own cost.
 */
final class RequestBoundIdentity implements SecurityIdentity {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String AUTHENTICATION_CONTEXT = AuthenticationRequestContext.class.getName();

    private final SecurityIdentity cached;
    private final RoutingContext routingContext;
    private final AuthenticationRequestContext authenticationContext;

    RequestBoundIdentity(SecurityIdentity cached, RoutingContext routingContext,
            AuthenticationRequestContext authenticationContext) {
        this.cached = cached;
        this.routingContext = routingContext;
        this.authenticationContext = authenticationContext;
    }

    @Override
    public Principal getPrincipal() {
        return cached.getPrincipal();
    }

    @Override
    public boolean isAnonymous() {
        return cached.isAnonymous();
    }

    @Override
    public Set<String> getRoles() {
        return cached.getRoles();
    }

    @Override
    public boolean hasRole(String role) {
        return cached.hasRole(role);
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> type) {
        return cached.getCredential(type);
    }

    @Override
    public Set<Credential> getCredentials() {
        return cached.getCredentials();
    }

    @Override
    public Set<Permission> getPermissions() {
        return cached.getPermissions();
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return cached.checkPermission(permission);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        if (RequestAttributes.FROM_CACHE.equals(name)) {
            return (T) Boolean.TRUE;
        }
        if (ROUTING_CONTEXT.equals(name)) {
            return (T) routingContext;
        }
        if (AUTHENTICATION_CONTEXT.equals(name)) {
            return (T) authenticationContext;
        }
        return cached.getAttribute(name);
    }

    @Override
    public Map<String, Object> getAttributes() {
        Map<String, Object> attributes = new HashMap<>(cached.getAttributes());
        if (routingContext != null) {
            attributes.put(ROUTING_CONTEXT, routingContext);
        }
        attributes.put(AUTHENTICATION_CONTEXT, authenticationContext);
        attributes.put(RequestAttributes.FROM_CACHE, Boolean.TRUE);
        return attributes;
    }
}
