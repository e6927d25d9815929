package dev.footing.common.security.tokencache;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer token {@link CachedBearerTokenMechanism} found in {@link VerifiedTokens}, with the identity
 * OIDC gave it. A request type of its own, so that only {@link CachedTokenIdentityProvider} answers
 * it and Quarkus still runs the augmentors on its identity, as for one OIDC verified.
 */
final class CachedTokenRequest extends BaseAuthenticationRequest {

    private final SecurityIdentity verified;

    CachedTokenRequest(SecurityIdentity verified) {
        this.verified = verified;
    }

    /** The identity OIDC made for the token, without any request's attributes. */
    SecurityIdentity verified() {
        return verified;
    }
}
