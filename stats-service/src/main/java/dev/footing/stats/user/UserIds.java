package dev.footing.stats.user;

import java.util.regex.Pattern;

import dev.footing.common.problem.ProblemException;

/** The contract's user id: an opaque client string of 1-64 characters of [A-Za-z0-9._@-]. */
public final class UserIds {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserIds() {
    }

    public static boolean isValid(String userId) {
        return userId != null && USER_ID.matcher(userId).matches();
    }

    /** For path parameters: a 400 naming {@code userId} rather than an empty answer for a user that can never exist. */
    public static String require(String userId) {
        return require("userId", userId);
    }

    /** The same rule for a parameter of another name (a viewer's id, say). */
    public static String require(String field, String userId) {
        if (!isValid(userId)) {
            throw ProblemException.invalidField(field, "must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        return userId;
    }
}
