package dev.footing.session.workout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.footing.common.problem.ProblemException;
import dev.footing.session.event.WorkoutEvent;
import dev.footing.session.exercise.ExerciseReplica;
import dev.footing.session.outbox.OutboxWriter;
import dev.footing.session.outbox.UserWriteLock;
import dev.footing.session.time.LocalDates;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Sessions and sets written, each change committed together with the events that describe it.
 * A rejected request writes nothing: every check ({@link RequestChecks}) runs before the first write.
 */
@ApplicationScoped
public class SessionWrites {

    @Inject
    EntityManager em;

    @Inject
    RequestChecks checks;

    @Inject
    WorkoutEvents workoutEvents;

    @Inject
    OutboxWriter outbox;

    @Inject
    UserWriteLock userLock;

    @Inject
    WorkoutRows workoutRows;

    @Inject
    SessionQueries queries;

    @Inject
    SessionAccess access;

    @Inject
    Clock clock;

    @Transactional
    public Written<SessionView> create(SessionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A session object is required as the request body", List.of());
        }
        String userId = access.userFor(request.userId());
        checks.batchSize(request.sets() == null ? 0 : request.sets().size());
        Instant now = now();
        request = normalize(request, userId);
        List<SetRequest> sets = request.sets() == null ? List.of() : request.sets();

        Map<UUID, ExerciseReplica> exercises = checks.session(request, now);

        UUID sessionId = request.id() != null ? request.id() : UUID.randomUUID();
        boolean idsMayBeTaken = request.id() != null || anyIdSent(sets);
        sets = withIds(sets, sessionId, request.id() != null);

        userLock.lock(request.userId());
        WorkoutSession existing = workoutRows.session(sessionId);
        if (existing != null) {
            access.requireSameUser(existing, request.userId());
            return new Written<>(resend(existing, request, sets), false);
        }
        if (idsMayBeTaken) {
            rejectTakenSetIds(sets);
        }

        WorkoutSession session = new WorkoutSession();
        session.id = sessionId;
        session.userId = request.userId();
        session.timezone = request.timezone() != null ? request.timezone() : SessionRules.DEFAULT_TIMEZONE;
        session.programId = request.programId();
        session.startedAt = request.startedAt() != null ? request.startedAt()
                : sets.stream().map(s -> s.completedAt() != null ? s.completedAt() : now).min(Comparator.naturalOrder()).orElse(now);
        session.startedLocalDate = LocalDates.localDate(session.startedAt, session.timezone);
        session.completedAt = request.completedAt();
        session.notes = request.notes();
        session.createdAt = now;
        if (session.completedAt != null && session.completedAt.isBefore(session.startedAt)) {
            throw ProblemException.invalidField("completedAt", "must not be before startedAt");
        }

        List<WorkoutSet> rows = new ArrayList<>(sets.size());
        List<WorkoutEvent> events = new ArrayList<>();
        List<SetView> views = new ArrayList<>();
        for (SetRequest set : sets) {
            WorkoutSet row = newSet(session, set, now);
            rows.add(row);
            views.add(SetView.of(row));
        }
        events.addAll(workoutEvents.setsCompleted(session, rows, exercises));
        if (session.completedAt != null) {
            events.add(workoutEvents.sessionCompleted(session));
        }
        write(session, rows, events);
        // Stable: sets done at the same instant keep the order the client sent them in, as GET shows them.
        views.sort(Comparator.comparing(SetView::completedAt));
        return new Written<>(SessionView.of(session, views), true);
    }

    @Transactional
    public Written<List<SetView>> addSets(UUID sessionId, List<SetRequest> requested, IntFunction<String> fieldPrefix) {
        checks.batchSize(requested.size());
        if (requested.isEmpty()) {
            throw ProblemException.badRequest("At least one set is required", List.of());
        }
        // Only read: the new sets are written by JDBC, and a managed copy would be dirty-checked for nothing.
        WorkoutSession session = access.visible(sessionId, workoutRows.session(sessionId));
        Instant now = now();
        List<SetRequest> sets = requested.stream().map(SessionWrites::normalize).toList();
        Map<UUID, ExerciseReplica> exercises = checks.sets(sets, fieldPrefix, now);
        boolean idsMayBeTaken = anyIdSent(sets);
        sets = withIds(sets, sessionId, false);

        userLock.lock(session.userId);
        Map<UUID, WorkoutSet> stored = idsMayBeTaken ? storedSets(sets) : Map.of();
        List<WorkoutSet> rows = new ArrayList<>(sets.size());
        List<SetView> views = new ArrayList<>();
        for (SetRequest set : sets) {
            WorkoutSet existing = stored.get(set.id());
            if (existing != null) {
                requireSameSet(existing, set, sessionId);
                views.add(SetView.of(existing));
            } else {
                WorkoutSet row = newSet(session, set, now);
                rows.add(row);
                views.add(SetView.of(row));
            }
        }
        write(rows, workoutEvents.setsCompleted(session, rows, exercises));
        return new Written<>(views, !rows.isEmpty());
    }

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
        write(List.of(), List.of(workoutEvents.setRetracted(session, set)));
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
        write(List.of(), List.of(workoutEvents.sessionCompleted(session)));
        return new Written<>(queries.view(session), true);
    }

    private SessionView resend(WorkoutSession existing, SessionRequest request, List<SetRequest> sets) {
        if (!SessionRules.sameContent(existing, request)) {
            throw ProblemException.conflict("Session " + existing.id + " already exists with different content");
        }
        Map<UUID, WorkoutSet> stored = storedSets(sets);
        for (SetRequest set : sets) {
            WorkoutSet row = stored.get(set.id());
            if (row == null) {
                throw ProblemException.conflict("Session " + existing.id + " already exists without set " + set.id()
                        + "; add sets to it with POST /api/sessions/" + existing.id + "/sets");
            }
            requireSameSet(row, set, existing.id);
        }
        return queries.view(existing);
    }

    private void requireSameSet(WorkoutSet existing, SetRequest sent, UUID sessionId) {
        if (!existing.sessionId.equals(sessionId)) {
            throw ProblemException.conflict("Set " + existing.id + " already belongs to another session");
        }
        if (existing.retractedAt != null) {
            throw ProblemException.conflict("Set " + existing.id + " was retracted at " + existing.retractedAt
                    + "; a retracted set's id cannot be used again");
        }
        if (!SetRules.sameContent(existing, sent)) {
            throw ProblemException.conflict("Set " + existing.id + " already exists with different content");
        }
    }

    private void rejectTakenSetIds(List<SetRequest> sets) {
        Map<UUID, WorkoutSet> stored = storedSets(sets);
        if (!stored.isEmpty()) {
            WorkoutSet taken = stored.values().iterator().next();
            // Not naming the session: it may be another user's.
            throw ProblemException.conflict("Set id " + taken.id + " is already taken by another session");
        }
    }

    /** A new set's row, written by {@link WorkoutRows} with the others of the request. */
    private WorkoutSet newSet(WorkoutSession session, SetRequest set, Instant now) {
        WorkoutSet row = new WorkoutSet();
        row.id = set.id();
        row.sessionId = session.id;
        row.exerciseId = set.exerciseId();
        row.reps = set.reps();
        row.durationSeconds = set.durationSeconds();
        row.loadKg = SetRules.normalizeLoad(set.loadKg());
        row.side = set.side();
        row.rpe = set.rpe();
        row.pain = set.pain();
        row.completedAt = set.completedAt() != null ? set.completedAt() : now;
        row.localDate = LocalDates.localDate(row.completedAt, session.timezone);
        row.recordedAt = now;
        return row;
    }

    private void write(List<WorkoutSet> rows, List<? extends WorkoutEvent> events) {
        write(null, rows, events);
    }

    private void write(WorkoutSession newSession, List<WorkoutSet> rows, List<? extends WorkoutEvent> events) {
        try {
            // Written here, not at commit, so a duplicate id surfaces as a 409 rather than a failed commit.
            if (newSession != null) {
                workoutRows.insert(newSession);
            }
            workoutRows.insert(rows);
            em.flush();
            outbox.append(events);
        } catch (ConstraintViolationException e) {
            // Only a concurrent request of another user can take an id between our check and insert.
            throw ProblemException.conflict("An id in this request was taken by a concurrent request; retry to see the outcome");
        }
    }

    /** The session by id, if the caller may use it (404 otherwise, as for an unknown id). */
    private WorkoutSession findSession(UUID sessionId) {
        return access.visible(sessionId, WorkoutSession.findById(sessionId));
    }

    /** The stored sets among these ids: the database is asked which exist, and only those are loaded (a re-sent request). */
    private Map<UUID, WorkoutSet> storedSets(List<SetRequest> sets) {
        List<UUID> ids = sets.stream().map(SetRequest::id).toList();
        List<UUID> taken = ids.isEmpty() ? List.of() : workoutRows.taken(ids);
        if (taken.isEmpty()) {
            return Map.of();
        }
        List<WorkoutSet> rows = WorkoutSet.list("id in ?1", taken);
        Map<UUID, WorkoutSet> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id, r));
        return byId;
    }

    /**
     * Whether the client chose any set id. If not, every id is a random one this request made
     * ({@link #withIds}), which no stored set can have: the database need not be asked.
     */
    private static boolean anyIdSent(List<SetRequest> sets) {
        return sets.stream().anyMatch(s -> s.id() != null);
    }

    /**
     * Sets without an id get one. In a whole workout with a client-chosen session id, the id derives
     * from the session id and the set's position, so re-sending the same workout is a no-op.
     */
    private static List<SetRequest> withIds(List<SetRequest> sets, UUID sessionId, boolean deterministic) {
        List<SetRequest> withIds = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            SetRequest s = sets.get(i);
            UUID id = s.id() != null ? s.id()
                    : deterministic ? UUID.nameUUIDFromBytes(("footing:set:" + sessionId + ":" + i).getBytes(StandardCharsets.UTF_8))
                    : UUID.randomUUID();
            withIds.add(new SetRequest(id, s.exerciseId(), s.reps(), s.durationSeconds(), s.loadKg(), s.side(), s.completedAt(), s.rpe(), s.pain()));
        }
        return withIds;
    }

    private static SessionRequest normalize(SessionRequest r, String userId) {
        return new SessionRequest(r.id(), userId, r.timezone(), r.programId(), LocalDates.micros(r.startedAt()),
                LocalDates.micros(r.completedAt()), r.notes(),
                r.sets() == null ? null : r.sets().stream().map(SessionWrites::normalize).toList());
    }

    private static SetRequest normalize(SetRequest s) {
        return s == null ? null : new SetRequest(s.id(), s.exerciseId(), s.reps(), s.durationSeconds(), s.loadKg(), s.side(),
                LocalDates.micros(s.completedAt()), s.rpe(), s.pain());
    }

    private Instant now() {
        return LocalDates.micros(clock.instant());
    }
}
