package dev.footing.stats.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.problem.ProblemException;
import dev.footing.common.security.Caller;
import dev.footing.common.user.UserIds;

/**
 * Whose stats a request may touch (docs/architecture.md §8), in one place: every resource under
 * {@code /api/users/{userId}/...} turns its path parameter into a user id here, before it reads or
 * writes anything. Reading is for the user, an admin, and a viewer the user shared with; changing
 * (goals, viewers) is for the user and an admin.
 *
 * <p>The checks run in this order so an answer leaks as little as possible: no or a bad token is a
 * 401 whatever the path says, then a malformed id is a 400, then a user who may not see it a 403.
 */
@ApplicationScoped
public class UserAccess {

    /** The path segment that names the caller; common's user-id rule refuses it as an id of its own. */
    public static final String ME = UserIds.ME;

    @Inject
    Caller caller;

    @Inject
    Shares shares;

    /** The user whose stats the caller may read: themself, anyone for an admin, or a user who shared with them. */
    public String toRead(String userIdParam) {
        String self = caller.userId();
        String userId = resolve("userId", userIdParam, self);
        if (userId.equals(self) || caller.isAdmin() || shares.isShared(userId, self)) {
            return userId;
        }
        throw ProblemException.forbidden(userId + " has not shared their stats with " + self);
    }

    /** The user whose goals and viewers the caller may change: themself, or anyone for an admin. */
    public String toManage(String userIdParam) {
        String self = caller.userId();
        String userId = resolve("userId", userIdParam, self);
        if (userId.equals(self) || caller.isAdmin()) {
            return userId;
        }
        throw ProblemException.forbidden("only " + userId + " (or an admin) may change this; a viewer reads only");
    }

    /** A user named in a path ({@code me} included) that is not the subject of the request, e.g. a viewer. */
    public String named(String field, String param) {
        return resolve(field, param, caller.userId());
    }

    /** The caller's own id; a 401 without a valid token. */
    public String self() {
        return caller.userId();
    }

    private static String resolve(String field, String param, String self) {
        return UserIds.require(field, ME.equals(param) ? self : param);
    }
}
