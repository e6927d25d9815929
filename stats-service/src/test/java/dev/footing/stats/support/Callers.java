package dev.footing.stats.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.footing.infra.TestTokens;
import io.restassured.specification.RequestSpecification;

/**
 * Requests as someone: the user themself for their own stats, an admin only where only an admin
 * may go, so a test never passes because its caller could see everything. Tokens are valid for an
 * hour and kept per user (signing one per request would slow the polling tests).
 */
public final class Callers {

    private static final Map<String, String> ATHLETE_TOKENS = new ConcurrentHashMap<>();
    private static final String ADMIN_TOKEN = TestTokens.admin();

    private Callers() {
    }

    /** As {@code user} with the athlete role. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(ATHLETE_TOKENS.computeIfAbsent(user, TestTokens::athlete));
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    public static String tokenOf(String user) {
        return ATHLETE_TOKENS.computeIfAbsent(user, TestTokens::athlete);
    }
}
