package dev.footing.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Access tokens for service tests, shaped like Keycloak's ({@code preferred_username},
 * {@code realm_access.roles}, {@code aud}) and signed with a key pair kept for tests only. A service
 * trusts that key only through {@link FootingTestResource}, i.e. only in its tests; the end-to-end
 * tests use a real Keycloak and its tokens instead.
 */
public final class TestTokens {

    public static final String ISSUER = "https://keycloak.footing.test/realms/footing";
    public static final String AUDIENCE = "footing-api";

    private static final PrivateKey KEY = privateKey("test-token-private-key.pem");
    private static final PrivateKey FOREIGN_KEY = privateKey("test-token-foreign-key.pem");

    private TestTokens() {
    }

    public static String athlete(String user) {
        return of(user, "athlete");
    }

    public static String coach(String user) {
        return of(user, "coach");
    }

    public static String admin() {
        return of("admin", "admin");
    }

    /** A valid token for {@code user} with these realm roles. */
    public static String of(String user, String... roles) {
        return sign(user, List.of(roles), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)), KEY);
    }

    /** A valid athlete token for {@code user} that expires at {@code expiresAt} (e.g. in a few seconds). */
    public static String expiringAt(String user, Instant expiresAt) {
        return sign(user, List.of("athlete"), ISSUER, AUDIENCE, expiresAt, KEY);
    }

    public static String expired(String user) {
        return sign(user, List.of("athlete"), ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), KEY);
    }

    /** Right claims, signed by a key the services do not trust. */
    public static String wronglySigned(String user) {
        return sign(user, List.of("athlete"), ISSUER, AUDIENCE, Instant.now().plus(Duration.ofHours(1)), FOREIGN_KEY);
    }

    public static String wrongIssuer(String user) {
        return sign(user, List.of("athlete"), "https://elsewhere.example/realms/footing", AUDIENCE,
                Instant.now().plus(Duration.ofHours(1)), KEY);
    }

    public static String wrongAudience(String user) {
        return sign(user, List.of("athlete"), ISSUER, "some-other-api", Instant.now().plus(Duration.ofHours(1)), KEY);
    }

    /** What a service under test needs to trust these tokens (and only in its test profile). */
    static Map<String, String> serviceConfig() {
        return Map.of(
                "quarkus.oidc.public-key", pemBody(read("test-token-public-key.pem")),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    private static String sign(String user, List<String> roles, String issuer, String audience, Instant expiresAt,
            PrivateKey key) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(Duration.ofMinutes(5)) : Instant.now();
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .jws().keyId("footing-test")
                .sign(key);
    }

    private static PrivateKey privateKey(String resource) {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody(read(resource)));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable test key " + resource, e);
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String read(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
