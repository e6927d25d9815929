package dev.footing.common.security.tokencache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens that Quarkus OIDC has verified, keyed by the whole token text: a
 * token that differs in any byte (another signature, another claim) is another key and is verified
 * in full. An entry lives until its token expires, and never longer than the configured maximum age;
 * at most the configured number of entries are kept.
 *
 * <p>Expiry is judged by the system clock, as OIDC judges {@code exp}, never by the services'
 * injected {@link Clock}, which a test or a demo may pin to another day.
 */
@Singleton
public class VerifiedTokens {

    private final Cache<String, SecurityIdentity> identities;
    private final Duration maxAge;
    private final Clock clock;

    VerifiedTokens(long maxSize, Duration maxAge, Clock clock, Ticker ticker) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.identities = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String token, SecurityIdentity identity) -> lifetime(identity)))
                .ticker(ticker)
                .build();
    }

    @Inject
    VerifiedTokens(TokenCacheConfig config) {
        this(config.maxSize(), config.maxAge(), Clock.systemUTC(), Ticker.systemTicker());
    }

    /** The identity OIDC gave this exact token, while the token is still unexpired. */
    public Optional<SecurityIdentity> find(String token) {
        SecurityIdentity identity = identities.getIfPresent(token);
        // Caffeine drops an entry by its own ticker; OIDC judges exp by the wall clock, so we check
        // that too: an expired token must be refused even if its entry were still there.
        if (identity == null || !clock.instant().isBefore(expiresAt(identity))) {
            return Optional.empty();
        }
        return Optional.of(identity);
    }

    /**
     * Keeps {@code identity}, which OIDC has just verified for {@code token}, without the request it
     * was verified for; a token already kept stays as it is, and one without an expiry, or already
     * expired, is not kept.
     */
    public void remember(String token, SecurityIdentity identity) {
        if (lifetime(identity).compareTo(Duration.ZERO) > 0) {
            identities.asMap().computeIfAbsent(token, t -> RequestAttributes.detached(identity));
        }
    }

    long size() {
        identities.cleanUp();
        return identities.estimatedSize();
    }

    private Duration lifetime(SecurityIdentity identity) {
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt(identity));
        return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }

    private static Instant expiresAt(SecurityIdentity identity) {
        // OIDC requires exp of every token it accepts; one without it counts as expired here.
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(Claims.exp) instanceof Number exp
                ? Instant.ofEpochSecond(exp.longValue())
                : Instant.EPOCH;
    }
}
