package dev.footing.common.security.tokencache;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * The cache of verified bearer tokens ({@link VerifiedTokens}); defaults and environment overrides
 * in common's microprofile-config.properties.
 */
@ConfigMapping(prefix = "footing.security.token-cache")
public interface TokenCacheConfig {

    /** Off: Quarkus OIDC verifies every request's token, as it does without this cache. */
    boolean enabled();

    /** Tokens kept at most; the least recently used go first. */
    long maxSize();

    /** The longest a token stays trusted without being verified again, even if it expires later. */
    Duration maxAge();
}
