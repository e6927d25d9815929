package dev.footing.common.security.tokencache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which header the cache may answer: exactly the token OIDC would read from it, or none. */
class CachedBearerTokenMechanismTest {

    @Test
    void theTokenOfABearerHeaderIsEverythingAfterTheScheme() {
        assertThat(CachedBearerTokenMechanism.bearerToken("Bearer header.claims.signature")).isEqualTo("header.claims.signature");
    }

    @Test
    void theSchemeIsReadInAnyCaseAsOidcReadsIt() {
        assertThat(CachedBearerTokenMechanism.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(CachedBearerTokenMechanism.bearerToken("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void anythingButABearerHeaderIsLeftToOidc() {
        assertThat(CachedBearerTokenMechanism.bearerToken(null)).isNull();
        assertThat(CachedBearerTokenMechanism.bearerToken("Bearer")).isNull();
        assertThat(CachedBearerTokenMechanism.bearerToken("Basic YW5hOnNlY3JldA==")).isNull();
        assertThat(CachedBearerTokenMechanism.bearerToken("DPoP abc")).isNull();
        assertThat(CachedBearerTokenMechanism.bearerToken("Bearerabc")).isNull();
    }
}
