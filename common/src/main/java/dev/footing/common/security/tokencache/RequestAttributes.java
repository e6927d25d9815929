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
        return copy(identity, Map.of());
    }

    /** {@code identity} as OIDC would have made it for this request. */
    static SecurityIdentity attached(SecurityIdentity identity, RoutingContext routingContext,
            AuthenticationRequestContext authenticationContext) {
        Map<String, Object> request = new HashMap<>();
        if (routingContext != null) {
            request.put(RoutingContext.class.getName(), routingContext);
        }
        request.put(AuthenticationRequestContext.class.getName(), authenticationContext);
        request.put(FROM_CACHE, Boolean.TRUE);
        return copy(identity, request);
    }

    private static SecurityIdentity copy(SecurityIdentity identity, Map<String, Object> requestAttributes) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.keySet().removeAll(NAMES);
        attributes.putAll(requestAttributes);
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
}
