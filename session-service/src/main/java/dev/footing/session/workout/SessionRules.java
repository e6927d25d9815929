package dev.footing.session.workout;

import java.time.Instant;
import java.util.Objects;

import dev.footing.common.user.UserIds;
import dev.footing.session.time.LocalDates;

/**
 * The rules of a session's own fields that constraints on {@link SessionRequest} cannot say (the
 * user id rule of common, time zones, the clock), as plain values in, violations out.
 */
public final class SessionRules {

    public static final int MAX_NOTES = 2000;
    public static final String DEFAULT_TIMEZONE = "UTC";

    private SessionRules() {
    }

    public static void check(SessionRequest session, Instant now, Violations violations) {
        checkUserId("userId", session.userId(), violations);
        if (session.timezone() != null && !LocalDates.isIanaZone(session.timezone())) {
            violations.invalid("timezone", "must be an IANA time zone such as Europe/Paris, not \"" + session.timezone() + "\"");
        }
        Instant latest = now.plus(SetRules.FUTURE_TOLERANCE);
        if (session.startedAt() != null && session.startedAt().isAfter(latest)) {
            violations.invalid("startedAt", "must not be more than 5 minutes in the future");
        } else if (session.startedAt() != null && session.startedAt().isBefore(SetRules.EARLIEST)) {
            violations.invalid("startedAt", SetRules.EARLIEST_RULE);
        }
        if (session.completedAt() != null) {
            if (session.completedAt().isAfter(latest)) {
                violations.invalid("completedAt", "must not be more than 5 minutes in the future");
            } else if (session.completedAt().isBefore(SetRules.EARLIEST)) {
                violations.invalid("completedAt", SetRules.EARLIEST_RULE);
            } else if (session.startedAt() != null && session.completedAt().isBefore(session.startedAt())) {
                violations.invalid("completedAt", "must not be before startedAt");
            }
        }
    }

    public static void checkUserId(String field, String userId, Violations violations) {
        if (userId == null || userId.isEmpty()) {
            violations.invalid(field, "is required");
        } else if (!UserIds.isValid(userId)) {
            violations.invalid(field, UserIds.RULE);
        }
    }

    /** Whether a re-sent session is the stored one; fields left out took defaults and are not compared. */
    public static boolean sameContent(WorkoutSession stored, SessionRequest sent) {
        return Objects.equals(stored.userId, sent.userId())
                && stored.timezone.equals(sent.timezone() == null ? DEFAULT_TIMEZONE : sent.timezone())
                && Objects.equals(stored.programId, sent.programId())
                && Objects.equals(stored.notes, sent.notes())
                && (sent.startedAt() == null || sent.startedAt().equals(stored.startedAt))
                && (sent.completedAt() == null || sent.completedAt().equals(stored.completedAt));
    }
}
