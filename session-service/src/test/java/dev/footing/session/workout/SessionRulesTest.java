package dev.footing.session.workout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import dev.footing.common.problem.Problem;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static Violations check(SessionRequest session) {
        Violations v = new Violations();
        SessionRules.check(session, NOW, v);
        return v;
    }

    private static SessionRequest session(String userId, String timezone) {
        return new SessionRequest(null, userId, timezone, null, null, null, null, null);
    }

    @Test
    void userIdsAreOpaqueButBounded() {
        assertThat(check(session("anna.b@example.org", null)).isEmpty()).isTrue();
        assertThat(check(session("a".repeat(64), null)).isEmpty()).isTrue();
        assertThat(check(session("a".repeat(65), null)).invalid()).extracting(Problem.Violation::field).containsExactly("userId");
        assertThat(check(session("anna b", null)).invalid()).extracting(Problem.Violation::field).containsExactly("userId");
        assertThat(check(session(null, null)).invalid()).extracting(Problem.Violation::message).containsExactly("is required");
    }

    @Test
    void aFixedOffsetIsNotATimeZone() {
        assertThat(check(session("u", "+02:00")).invalid()).extracting(Problem.Violation::field).containsExactly("timezone");
    }

    @Test
    void completionBeforeTheStartIsInvalid() {
        SessionRequest backwards = new SessionRequest(null, "u", "UTC", null, NOW.minusSeconds(60), NOW.minusSeconds(120), null, null);
        assertThat(check(backwards).invalid()).extracting(Problem.Violation::field).containsExactly("completedAt");
    }

    @Test
    void aResentSessionMatchesWhenOmittedFieldsTookTheirDefaults() {
        WorkoutSession stored = new WorkoutSession();
        stored.id = UUID.randomUUID();
        stored.userId = "u";
        stored.timezone = "UTC";
        stored.startedAt = NOW;
        assertThat(SessionRules.sameContent(stored, session("u", null))).isTrue();
        assertThat(SessionRules.sameContent(stored, session("u", "UTC"))).isTrue();
        assertThat(SessionRules.sameContent(stored, session("u", "Europe/Paris"))).isFalse();
        assertThat(SessionRules.sameContent(stored, session("v", null))).isFalse();
        assertThat(SessionRules.sameContent(stored,
                new SessionRequest(null, "u", null, null, NOW.plusSeconds(1), null, null, null))).isFalse();
    }
}
