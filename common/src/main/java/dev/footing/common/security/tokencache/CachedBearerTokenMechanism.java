package dev.footing.common.security.tokencache;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers a bearer token that Quarkus OIDC has already verified from {@link VerifiedTokens}, so the
 * same token is not verified again (JWT parsing, RSA signature, claims, identity) on every request
 * until it expires; any other request is left to OIDC's own mechanism.
 *
 * <p>Quarkus OIDC has no such cache for locally verified JWTs (its {@code quarkus.oidc.token-cache}
 * keeps only introspection and UserInfo answers), hence this plumbing. It is an HTTP authentication
 * mechanism rather than an identity provider because OIDC's mechanism does work of its own on every
 * request before any provider is asked: it resolves the tenant, and the {@code AccessTokenCredential}
 * it builds base64-decodes and JSON-parses the token's claims just to tell a JWT from an opaque token
 * (about 4 % of session-service's request threads for single sets, measured). Quarkus asks the
 * mechanisms in order of priority and moves on to the next one when a mechanism answers no identity,
 * so this one sits just above OIDC's and answers nothing unless the exact token is in the cache: a
 * token that differs in any byte, has expired, or was never seen goes to OIDC, which verifies it in
 * full (and {@link VerifiedTokenRecorder} keeps it) or refuses it; a request without a bearer token
 * goes to OIDC too, which answers its challenge. A hit still goes through Quarkus'
 * {@link IdentityProviderManager} ({@link CachedTokenIdentityProvider}), so augmentors run as before.
 *
 * <p>It reads the token where our OIDC configuration reads it, {@code Authorization: Bearer}. A
 * token bound to a client certificate needs OIDC's check of the binding on every request: with
 * {@code quarkus.oidc.token.binding.certificate} on, this mechanism answers nothing (and says so at
 * start). A DPoP-bound token never reaches it: its scheme is {@code DPoP}, not {@code Bearer}.
 */
@Singleton
public class CachedBearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final Uni<SecurityIdentity> LEAVE_TO_OIDC = Uni.createFrom().nullItem();

    private static final Logger LOG = Logger.getLogger(CachedBearerTokenMechanism.class);

    private final boolean enabled;
    private final VerifiedTokens verifiedTokens;
    private final int priority;
    private final Counter hits;
    private final Counter misses;

    @Inject
    CachedBearerTokenMechanism(TokenCacheConfig config, VerifiedTokens verifiedTokens, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.oidc.priority", defaultValue = "1001") int oidcPriority,
            @ConfigProperty(name = "quarkus.oidc.token.binding.certificate", defaultValue = "false") boolean certificateBound) {
        this.enabled = config.enabled() && !certificateBound;
        if (config.enabled() && certificateBound) {
            LOG.warn("Verified-token cache off: tokens are bound to client certificates, which OIDC checks on every request");
        }
        this.verifiedTokens = verifiedTokens;
        this.priority = oidcPriority + 1;
        // A miss is a token OIDC verifies in full (or refuses); a hit, one it no longer has to.
        this.hits = meters.counter("footing.security.token.cache", "result", "hit");
        this.misses = meters.counter("footing.security.token.cache", "result", "miss");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = enabled ? bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)) : null;
        if (token == null) {
            return LEAVE_TO_OIDC;
        }
        Optional<SecurityIdentity> verified = verifiedTokens.find(token);
        if (verified.isEmpty()) {
            misses.increment();
            return LEAVE_TO_OIDC;
        }
        hits.increment();
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new CachedTokenRequest(verified.get()), context));
    }

    /** The token of an {@code Authorization: Bearer} header (the scheme in any case, as OIDC reads it), or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length());
    }

    /** OIDC's mechanism, next in line, answers every challenge. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CachedTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return priority;
    }
}
