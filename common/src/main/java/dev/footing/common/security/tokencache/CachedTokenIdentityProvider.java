package dev.footing.common.security.tokencache;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Gives a request the identity {@link CachedBearerTokenMechanism} found in the cache for its token,
 * tied to this request as OIDC would have tied it. It verifies nothing: the mechanism only asks for
 * tokens OIDC has verified and that have not expired.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<CachedTokenRequest> {

    @Override
    public Class<CachedTokenRequest> getRequestType() {
        return CachedTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CachedTokenRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(RequestAttributes.attached(request.verified(),
                HttpSecurityUtils.getRoutingContextAttribute(request), context));
    }
}
