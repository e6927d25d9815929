package dev.footing.common.user;

import java.util.regex.Pattern;

import dev.footing.common.problem.ProblemException;

/**
 * The user id rule of every service: an opaque string of 1-64 characters of [A-Za-z0-9._@-], the
 * same as the identity provider's user names we accept (docs/architecture.md §8).
 */
public final class UserIds {

    public static final String RULE = "must be 1-64 characters of A-Z a-z 0-9 . _ @ -, and not \"me\"";

    /** Names the caller in paths such as {@code /api/users/me/summary}, so it can never be anyone's id. */
    public static final String ME = "me";

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserIds() {
    }

    public static boolean isValid(String userId) {
        return userId != null && USER_ID.matcher(userId).matches() && !ME.equals(userId);
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
