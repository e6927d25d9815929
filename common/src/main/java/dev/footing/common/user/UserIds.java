package dev.footing.common.user;

import dev.footing.common.problem.ProblemException;

/**
 * The user id rule of every service: an opaque string of 1-64 characters of [A-Za-z0-9._@-], the
 * same as the identity provider's user names we accept (docs/architecture.md §8).
 */
public final class UserIds {

    public static final String RULE = "must be 1-64 characters of A-Z a-z 0-9 . _ @ -, and not \"me\"";

    /** Names the caller in paths such as {@code /api/users/me/summary}, so it can never be anyone's id. */
    public static final String ME = "me";

    static final int MAX_LENGTH = 64;

    private UserIds() {
    }

    /**
     * Checked character by character rather than by a regex ({@code [A-Za-z0-9._@-]{1,64}}): stats-service
     * checks the user of every event it consumes, and a {@code Matcher} per event was a few per cent of its
     * CPU per event (docs/architecture.md §10).
     */
    public static boolean isValid(String userId) {
        if (userId == null || userId.isEmpty() || userId.length() > MAX_LENGTH || ME.equals(userId)) {
            return false;
        }
        for (int i = 0; i < userId.length(); i++) {
            if (!isAllowed(userId.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '@' || c == '-';
    }

    /** A 400 naming {@code userId} rather than an empty answer for a user that can never exist. */
    public static String require(String userId) {
        return require("userId", userId);
    }

    /** The same rule for a parameter of another name (a viewer's id, say). */
    public static String require(String field, String userId) {
        if (!isValid(userId)) {
            throw ProblemException.invalidField(field, RULE);
        }
        return userId;
    }
}
