package dev.footing.common.security.tokencache;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The attributes by which Quarkus OIDC ties an identity to the request it was verified for (the
 * Vert.x routing context and the request's authentication context). A cached identity must hold
 * neither: it would keep the first request and its buffers alive, and lend them to later requests.
 */
final class RequestAttributes {

    /** Marks an identity answered from the cache, so that it is never kept again as if OIDC had just verified it. */
    static final String FROM_CACHE = "dev.footing.security.token-cache.hit";

    private static final Set<String> NAMES = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName(), FROM_CACHE);

    private RequestAttributes() {
    }

    /** {@code identity} without any request's attributes: what may be cached. */
    static SecurityIdentity detached(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.keySet().removeAll(NAMES);
        // Not QuarkusSecurityIdentity.builder(identity): its permission checker delegates to the
        // identity it copies, which would keep that identity (and its request) reachable. OIDC gives
        // permissions only as a set (the token's scopes), which is copied as it is.
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .addAttributes(attributes)
                .build();
    }

    /** {@code identity}, a cached one, as OIDC would have made it for this request (a view: see {@link RequestBoundIdentity}). */
    static SecurityIdentity attached(SecurityIdentity identity, RoutingContext routingContext,
            AuthenticationRequestContext authenticationContext) {
        return new RequestBoundIdentity(identity, routingContext, authenticationContext);
    }
}
