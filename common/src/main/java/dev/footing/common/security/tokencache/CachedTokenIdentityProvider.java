package dev.footing.common.security.tokencache;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer token that Quarkus OIDC has already verified from {@link VerifiedTokens}, so
 * the same token is not verified again (JWT parsing, RSA signature, claims, identity) on every
 * request until it expires; any other token is left to OIDC.
 *
 * <p>Quarkus OIDC has no such cache for locally verified JWTs (its {@code quarkus.oidc.token-cache}
 * keeps only introspection and UserInfo answers), hence this plumbing. It uses only the security
 * SPI: Quarkus asks identity providers of a request type in order of priority and moves on to the
 * next one when a provider answers no identity, so this one sits just above OIDC's provider (which
 * keeps the default priority) and answers nothing on a miss; {@link VerifiedTokenRecorder} keeps
 * what OIDC verified. Augmentors run after either provider, as before. It lives in common so that
 * every service verifies tokens the same way.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Uni<SecurityIdentity> LEAVE_TO_OIDC = Uni.createFrom().nullItem();

    private final TokenCacheConfig config;
    private final VerifiedTokens verifiedTokens;
    private final Counter hits;
    private final Counter misses;

    @Inject
    CachedTokenIdentityProvider(TokenCacheConfig config, VerifiedTokens verifiedTokens, MeterRegistry meters) {
        this.config = config;
        this.verifiedTokens = verifiedTokens;
        // A miss is a token OIDC verifies in full (or refuses); a hit, one it no longer has to.
        this.hits = meters.counter("footing.security.token.cache", "result", "hit");
        this.misses = meters.counter("footing.security.token.cache", "result", "miss");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // Bearer access tokens only: that is what our services accept (an ID token of a login
        // flow would carry more request state than this cache restores).
        if (!config.enabled() || !(request.getToken() instanceof AccessTokenCredential token)) {
            return LEAVE_TO_OIDC;
        }
        Optional<SecurityIdentity> verified = verifiedTokens.find(token.getToken());
        if (verified.isEmpty()) {
            misses.increment();
            return LEAVE_TO_OIDC;
        }
        hits.increment();
        return Uni.createFrom().item(RequestAttributes.attached(verified.get(),
                HttpSecurityUtils.getRoutingContextAttribute(request), context));
    }
}
