package dev.footing.common.security.tokencache;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps the identity Quarkus OIDC has just verified for a bearer token in {@link VerifiedTokens}.
 * An augmentor sees every identity a provider produced, and this one runs before any other, so it
 * keeps OIDC's identity as OIDC made it; the others augment it again on each request, as they would
 * without the cache. It changes nothing.
 */
@Singleton
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject
    TokenCacheConfig config;

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        // Only a provider makes an identity with an access token credential and a JWT principal:
        // OIDC after a full verification, or the cache itself. The cache's own answers are never kept
        // again: had the entry just expired, keeping it would trust the token anew without OIDC.
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (config.enabled() && token != null && identity.getPrincipal() instanceof JsonWebToken
                && identity.getAttribute(RequestAttributes.FROM_CACHE) == null) {
            verifiedTokens.remember(token.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
