package dev.footing.session.workout;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.problem.ProblemException;
import dev.footing.common.security.Caller;
import dev.footing.common.user.UserIds;

/**
 * Whose sessions a caller may touch (docs/architecture.md §8), in one place: a user their own, an admin
 * anyone's (imports, support). There is no sharing here: a coach is just another user.
 */
@ApplicationScoped
public class SessionAccess {

    @Inject
    Caller caller;

    /**
     * The user a new session or a listing is for: the caller when {@code requested} is omitted; a
     * different user is a 403 unless the caller is an admin.
     */
    public String userFor(String requested) {
        if (requested != null && !UserIds.isValid(requested)) {
            // Not a user id at all: validation answers it with a 400 naming the field, for everyone alike.
            return requested;
        }
        return caller.actingFor(requested);
    }

    /**
     * The user named in a path such as {@code /api/users/{userId}/export}: {@code me} is the caller, another
     * user a 403 unless the caller is an admin, a string that is no user id a 400. There is no sharing
     * here: a viewer a user shared their stats with reads those in stats-service, not the raw sets.
     */
    public String userInPath(String userIdParam) {
        return UserIds.require(userFor(UserIds.ME.equals(userIdParam) ? null : userIdParam));
    }

    /**
     * The session, if the caller may use it. Someone else's answers exactly like an id that does not
     * exist, so a session id never tells whether another person trained.
     */
    public WorkoutSession visible(UUID id, WorkoutSession session) {
        if (session == null || !(session.userId.equals(caller.userId()) || caller.isAdmin())) {
            throw ProblemException.notFound("Session", id);
        }
        return session;
    }

    /**
     * A client-chosen session id that another user's session already has: a 409 that says nothing
     * about that session or its user, and changes nothing. A retry by the owner is answered as the
     * first time; anyone else learns only that the id cannot be used.
     */
    public void requireSameUser(WorkoutSession existing, String userId) {
        if (!existing.userId.equals(userId)) {
            throw ProblemException.conflict("Session id " + existing.id + " is already taken; start a new session with another id");
        }
    }
}
