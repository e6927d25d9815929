package dev.footing.session.workout;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.footing.common.problem.ProblemException;
import dev.footing.session.event.WorkoutEvent;
import dev.footing.session.outbox.OutboxWriter;
import dev.footing.session.outbox.UserWriteLock;
import dev.footing.session.time.LocalDates;

/**
 * Changes to stored rows, each committed together with the event that describes it: a set retracted,
 * a session completed. A few per workout, so they keep the entities and a JTA transaction, which read
 * well; the hot writes of new rows are {@link SessionWrites}.
 */
@ApplicationScoped
public class SessionUpdates {

    @Inject
    EntityManager em;

    @Inject
    WorkoutEvents workoutEvents;

    @Inject
    OutboxWriter outbox;

    @Inject
    UserWriteLock userLock;

    @Inject
    SessionQueries queries;

    @Inject
    SessionAccess access;

    @Inject
    Clock clock;

    @Transactional
    public boolean retract(UUID sessionId, UUID setId) {
        WorkoutSession session = findSession(sessionId);
        userLock.lock(session.userId);
        WorkoutSet set = WorkoutSet.findById(setId);
        if (set == null || !set.sessionId.equals(sessionId)) {
            throw ProblemException.notFound("Set", setId + " in session " + sessionId);
        }
        // Read after taking the lock: a concurrent DELETE of the same set has committed by now.
        em.refresh(set);
        if (set.retractedAt != null) {
            return false;
        }
        set.retractedAt = now();
        outbox.append(List.<WorkoutEvent>of(workoutEvents.setRetracted(session, set)));
        return true;
    }

    @Transactional
    public Written<SessionView> complete(UUID sessionId, CompleteRequest request) {
        WorkoutSession session = findSession(sessionId);
        Instant now = now();
        Instant requestedAt = request == null ? null : LocalDates.micros(request.completedAt());
        if (requestedAt != null && requestedAt.isAfter(now.plus(SetRules.FUTURE_TOLERANCE))) {
            throw ProblemException.invalidField("completedAt", "must not be more than 5 minutes in the future");
        }
        userLock.lock(session.userId);
        em.refresh(session);
        if (session.completedAt != null) {
            if (requestedAt != null && !requestedAt.equals(session.completedAt)) {
                throw ProblemException.conflict("Session " + sessionId + " was already completed at " + session.completedAt);
            }
            return new Written<>(queries.view(session), false);
        }
        Instant completedAt = requestedAt != null ? requestedAt : now;
        if (completedAt.isBefore(session.startedAt)) {
            throw ProblemException.invalidField("completedAt", "must not be before the session's startedAt " + session.startedAt);
        }
        session.completedAt = completedAt;
        outbox.append(List.<WorkoutEvent>of(workoutEvents.sessionCompleted(session)));
        return new Written<>(queries.view(session), true);
    }

    /** The session by id, if the caller may use it (404 otherwise, as for an unknown id). */
    private WorkoutSession findSession(UUID sessionId) {
        return access.visible(sessionId, WorkoutSession.findById(sessionId));
    }

    private Instant now() {
        return LocalDates.micros(clock.instant());
    }
}
