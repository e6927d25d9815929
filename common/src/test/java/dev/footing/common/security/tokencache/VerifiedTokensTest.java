package dev.footing.common.security.tokencache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-29T09:00:00Z");

    private final Time time = new Time();

    @Test
    void aTokenIsFoundUntilItExpiresAndNotAtItsExpiry() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("token-a", identity("ana", START.plusSeconds(60), "athlete"));

        time.advance(Duration.ofSeconds(59));
        assertThat(tokens.find("token-a")).isPresent();
        time.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void maxAgeBoundsATokenThatExpiresLater() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("token-a", identity("ana", START.plus(Duration.ofHours(1)), "athlete"));

        time.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(tokens.find("token-a")).isPresent();
        time.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void theWallClockDecidesExpiryEvenWhenTheCachesTickerLags() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("token-a", identity("ana", START.plusSeconds(60), "athlete"));

        time.advanceWallClockOnly(Duration.ofSeconds(60));
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("expired", identity("ana", START.minusSeconds(1), "athlete"));
        tokens.remember("no-exp", identity("ana", Instant.EPOCH, "athlete"));

        assertThat(tokens.find("expired")).isEmpty();
        assertThat(tokens.find("no-exp")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenDifferingInOneByteIsAnotherToken() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("header.claims.signature", identity("ana", START.plusSeconds(60), "athlete"));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
        assertThat(tokens.find("header.claims.signature")).isPresent();
    }

    @Test
    void theSameUsersOtherTokenIsNotAnswered() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("ana-as-athlete", identity("ana", START.plusSeconds(60), "athlete"));

        assertThat(tokens.find("ana-as-admin")).isEmpty();
    }

    @Test
    void theKeptIdentityIsOidcsWithoutTheRequestItWasVerifiedFor() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(identity("ana", START.plusSeconds(60), "athlete", "coach"))
                .addAttribute(RoutingContext.class.getName(), "the first request")
                .addAttribute(AuthenticationRequestContext.class.getName(), "its context")
                .addAttribute("tenant-id", "Default")
                .build();
        tokens.remember("token-a", verified);

        SecurityIdentity kept = tokens.find("token-a").orElseThrow();
        assertThat(kept.getPrincipal()).isSameAs(verified.getPrincipal());
        assertThat(kept.getRoles()).containsExactlyInAnyOrder("athlete", "coach");
        assertThat(kept.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("raw-ana");
        assertThat(kept.getAttributes()).containsEntry("tenant-id", "Default")
                .doesNotContainKeys(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());
    }

    @Test
    void anAnswerFromTheCacheIsTheKeptIdentityTiedToTheRequestAskingForIt() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("token-a", QuarkusSecurityIdentity.builder(identity("ana", START.plusSeconds(60), "athlete", "coach"))
                .addAttribute("tenant-id", "Default")
                .build());
        SecurityIdentity kept = tokens.find("token-a").orElseThrow();
        AuthenticationRequestContext context = function -> null;

        SecurityIdentity answered = RequestAttributes.attached(kept, null, context);

        assertThat(answered.getPrincipal()).isSameAs(kept.getPrincipal());
        assertThat(answered.getRoles()).containsExactlyInAnyOrder("athlete", "coach");
        assertThat(answered.hasRole("coach")).isTrue();
        assertThat(answered.hasRole("admin")).isFalse();
        assertThat(answered.isAnonymous()).isFalse();
        assertThat(answered.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("raw-ana");
        assertThat((Object) answered.getAttribute("tenant-id")).isEqualTo("Default");
        assertThat((Object) answered.getAttribute(AuthenticationRequestContext.class.getName())).isSameAs(context);
        assertThat(answered.getAttributes()).containsEntry("tenant-id", "Default")
                .containsEntry(AuthenticationRequestContext.class.getName(), context)
                .containsEntry(RequestAttributes.FROM_CACHE, Boolean.TRUE);
        assertThat(kept.getAttributes()).doesNotContainKeys(AuthenticationRequestContext.class.getName(), RequestAttributes.FROM_CACHE);
    }

    @Test
    void twoRequestsAnsweredFromOneKeptIdentityEachSeeTheirOwnRequestAndNeitherIsKept() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("token-a", identity("ana", START.plusSeconds(60), "athlete"));
        SecurityIdentity kept = tokens.find("token-a").orElseThrow();
        RoutingContext first = request();
        RoutingContext second = request();
        AuthenticationRequestContext firstContext = function -> null;
        AuthenticationRequestContext secondContext = function -> null;

        SecurityIdentity answeredFirst = RequestAttributes.attached(kept, first, firstContext);
        SecurityIdentity answeredSecond = RequestAttributes.attached(kept, second, secondContext);

        assertThat((Object) answeredFirst.getAttribute(RoutingContext.class.getName())).isSameAs(first);
        assertThat((Object) answeredSecond.getAttribute(RoutingContext.class.getName())).isSameAs(second);
        assertThat(answeredFirst.getAttributes()).containsEntry(RoutingContext.class.getName(), first)
                .containsEntry(AuthenticationRequestContext.class.getName(), firstContext);
        assertThat(answeredSecond.getAttributes()).containsEntry(RoutingContext.class.getName(), second)
                .containsEntry(AuthenticationRequestContext.class.getName(), secondContext);
        assertThat(kept.getAttributes()).doesNotContainKeys(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());
        assertThat(tokens.find("token-a").orElseThrow().getAttributes()).doesNotContainKeys(RoutingContext.class.getName());
    }

    /** A request's routing context that only has an identity: nothing here calls it. */
    private static RoutingContext request() {
        return (RoutingContext) java.lang.reflect.Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "a request";
                    default -> throw new AssertionError("the cache called the request's " + method.getName());
                });
    }

    @Test
    void aTokenKeptOnceStaysAsFirstVerified() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        tokens.remember("token-a", identity("ana", START.plusSeconds(60), "athlete"));
        tokens.remember("token-a", identity("mallory", START.plusSeconds(60), "admin"));

        assertThat(tokens.find("token-a").orElseThrow().getPrincipal().getName()).isEqualTo("ana");
    }

    @Test
    void atMostMaxSizeTokensAreKept() {
        VerifiedTokens tokens = new VerifiedTokens(2, Duration.ofMinutes(5), time, time);
        for (int i = 0; i < 5; i++) {
            tokens.remember("token-" + i, identity("user-" + i, START.plusSeconds(60), "athlete"));
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(2);
    }

    /**
     * An answer from the cache reaches the recorder like OIDC's own. Had its entry just reached its
     * max age, keeping it again would trust the token for another max age without OIDC seeing it.
     */
    @Test
    void anAnswerFromTheCacheIsNeverKeptAgain() {
        VerifiedTokens tokens = cache(Duration.ofMinutes(5));
        VerifiedTokenRecorder recorder = new VerifiedTokenRecorder();
        recorder.verifiedTokens = tokens;
        recorder.config = new TokenCacheConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public long maxSize() {
                return 100;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofMinutes(5);
            }
        };
        SecurityIdentity verified = identity("ana", START.plus(Duration.ofHours(1)), "athlete");
        recorder.augment(verified, null).await().indefinitely();
        SecurityIdentity answered = RequestAttributes.attached(tokens.find("raw-ana").orElseThrow(), null, null);

        time.advance(Duration.ofMinutes(5));
        recorder.augment(answered, null).await().indefinitely();

        assertThat(tokens.find("raw-ana")).isEmpty();
        recorder.augment(verified, null).await().indefinitely();
        assertThat(tokens.find("raw-ana")).isPresent();
    }

    private VerifiedTokens cache(Duration maxAge) {
        return new VerifiedTokens(100, maxAge, time, time);
    }

    private static SecurityIdentity identity(String user, Instant expiresAt, String... roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(user, expiresAt))
                .addRoles(Set.of(roles))
                .addCredential(new AccessTokenCredential("raw-" + user))
                .build();
    }

    /** A principal with just a name and an expiry, as OIDC's would have. */
    private record Jwt(String name, Instant expiresAt) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return "exp".equals(claim) && !expiresAt.equals(Instant.EPOCH) ? (T) Long.valueOf(expiresAt.getEpochSecond()) : null;
        }
    }

    /** The wall clock and the cache's ticker, moved by the test. */
    private static final class Time extends Clock implements Ticker {

        private Instant now = START;
        private long nanos;

        void advance(Duration duration) {
            now = now.plus(duration);
            nanos += duration.toNanos();
        }

        void advanceWallClockOnly(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public long read() {
            return nanos;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
