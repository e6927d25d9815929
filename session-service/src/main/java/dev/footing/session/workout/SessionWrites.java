package dev.footing.session.workout;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.common.problem.ProblemException;
import dev.footing.session.event.WorkoutEvent;
import dev.footing.session.exercise.ExerciseReplica;
import dev.footing.session.outbox.OutboxRelayRunner;
import dev.footing.session.outbox.OutboxWriter;
import dev.footing.session.time.LocalDates;

/**
 * New sessions and sets written, each request committed together with the events that describe it.
 * The hot path, so it costs what the database costs: one JDBC transaction ({@link JdbcTransaction}) of
 * two round trips, the reads under the user's write lock ({@link LockedRead}) and then the rows with
 * their outbox rows and the commit ({@link WorkoutRows}). The relay is woken once the answer is sent.
 * A rejected request writes nothing: every check ({@link RequestChecks}) runs before the write.
 */
@ApplicationScoped
public class SessionWrites {

    @Inject
    JdbcTransaction transaction;

    @Inject
    RequestChecks checks;

    @Inject
    WorkoutEvents workoutEvents;

    @Inject
    OutboxWriter outbox;

    @Inject
    OutboxRelayRunner relay;

    @Inject
    SessionQueries queries;

    @Inject
    SessionAccess access;

    @Inject
    Clock clock;

    public Written<SessionView> create(SessionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A session object is required as the request body", List.of());
        }
        String userId = access.userFor(request.userId());
        checks.batchSize(request.sets() == null ? 0 : request.sets().size());
        Instant now = now();
        SessionRequest normalized = normalize(request, userId);
        List<SetRequest> sent = normalized.sets() == null ? List.of() : normalized.sets();
        UUID sessionId = normalized.id() != null ? normalized.id() : UUID.randomUUID();
        // Only a client-chosen id can be taken: ids this request made up are random or its session's own.
        boolean idsMayBeTaken = normalized.id() != null || anyIdSent(sent);
        List<SetRequest> sets = withIds(sent, sessionId, normalized.id() != null);

        Written<SessionView> written = transaction.run((connection, commit) -> {
            LockedRead.Found found = LockedRead.forSession(connection, normalized.userId(), normalized.id(),
                    RequestChecks.exerciseIds(sent), normalized.programId(), idsMayBeTaken ? ids(sets) : List.of());
            checks.session(normalized, found.exercises(), found.programKnown(), now);
            if (found.session() != null) {
                access.requireSameUser(found.session(), normalized.userId());
                requireResent(found.session(), normalized, sets, found.storedSets());
                return new Written<SessionView>(null, false);
            }
            if (!found.storedSets().isEmpty()) {
                // Not naming the session: it may be another user's.
                throw ProblemException.conflict("Set id " + found.storedSets().keySet().iterator().next()
                        + " is already taken by another session");
            }
            return insert(connection, commit, newSession(sessionId, normalized, sets, now), sets, found.exercises(), now);
        });
        if (!written.changed()) {
            // A retry answers as the first time did, with the session as it is now.
            return new Written<>(queries.get(sessionId), false);
        }
        relay.nudgeAfterResponse();
        return written;
    }

    public Written<List<SetView>> addSets(UUID sessionId, List<SetRequest> requested, IntFunction<String> fieldPrefix) {
        checks.batchSize(requested.size());
        if (requested.isEmpty()) {
            throw ProblemException.badRequest("At least one set is required", List.of());
        }
        Instant now = now();
        List<SetRequest> sent = requested.stream().map(SessionWrites::normalize).toList();
        List<SetRequest> sets = withIds(sent, sessionId, false);
        List<UUID> chosenIds = anyIdSent(sent) ? ids(sets) : List.of();

        Written<List<SetView>> written = transaction.run((connection, commit) -> {
            LockedRead.Found found = LockedRead.forSets(connection, sessionId, RequestChecks.exerciseIds(sent), chosenIds);
            WorkoutSession session = access.visible(sessionId, found.session());
            checks.sets(sent, found.exercises(), fieldPrefix, now);
            List<WorkoutSet> rows = new ArrayList<>(sets.size());
            List<SetView> views = new ArrayList<>(sets.size());
            for (SetRequest set : sets) {
                WorkoutSet stored = found.storedSets().get(set.id());
                if (stored != null) {
                    requireSameSet(stored, set, sessionId);
                    views.add(SetView.of(stored));
                } else {
                    WorkoutSet row = newSet(session, set, now);
                    rows.add(row);
                    views.add(SetView.of(row));
                }
            }
            if (!rows.isEmpty()) {
                WorkoutRows.insertAndCommit(connection, commit, null, sessionId, rows,
                        outbox.rows(workoutEvents.setsCompleted(session, rows, found.exercises())), now);
            }
            return new Written<>(views, !rows.isEmpty());
        });
        if (written.changed()) {
            relay.nudgeAfterResponse();
        }
        return written;
    }

    private Written<SessionView> insert(Connection connection, JdbcTransaction.InBandCommit commit, WorkoutSession session,
            List<SetRequest> sets, Map<UUID, ExerciseReplica> exercises, Instant now) throws SQLException {
        List<WorkoutSet> rows = new ArrayList<>(sets.size());
        List<SetView> views = new ArrayList<>(sets.size());
        for (SetRequest set : sets) {
            WorkoutSet row = newSet(session, set, now);
            rows.add(row);
            views.add(SetView.of(row));
        }
        List<WorkoutEvent> events = new ArrayList<>(workoutEvents.setsCompleted(session, rows, exercises));
        if (session.completedAt != null) {
            events.add(workoutEvents.sessionCompleted(session));
        }
        // Stable: sets done at the same instant keep the order the client sent them in, as GET shows them.
        // Sorted before the write commits, since nothing may fail after it.
        views.sort(Comparator.comparing(SetView::completedAt));
        WorkoutRows.insertAndCommit(connection, commit, session, session.id, rows, outbox.rows(events), now);
        return new Written<>(SessionView.of(session, views), true);
    }

    private static WorkoutSession newSession(UUID sessionId, SessionRequest request, List<SetRequest> sets, Instant now) {
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
        return session;
    }

    /** A re-sent whole workout: the same session with the same sets, else a 409. */
    private static void requireResent(WorkoutSession existing, SessionRequest request, List<SetRequest> sets,
            Map<UUID, WorkoutSet> stored) {
        if (!SessionRules.sameContent(existing, request)) {
            throw ProblemException.conflict("Session " + existing.id + " already exists with different content");
        }
        for (SetRequest set : sets) {
            WorkoutSet row = stored.get(set.id());
            if (row == null) {
                throw ProblemException.conflict("Session " + existing.id + " already exists without set " + set.id()
                        + "; add sets to it with POST /api/sessions/" + existing.id + "/sets");
            }
            requireSameSet(row, set, existing.id);
        }
    }

    private static void requireSameSet(WorkoutSet existing, SetRequest sent, UUID sessionId) {
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

    /** A new set's row, written by {@link WorkoutRows} with the others of the request. */
    private static WorkoutSet newSet(WorkoutSession session, SetRequest set, Instant now) {
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

    /**
     * Whether the client chose any set id. If not, every id is a random one this request made
     * ({@link #withIds}), which no stored set can have: the database need not be asked.
     */
    private static boolean anyIdSent(List<SetRequest> sets) {
        return sets.stream().anyMatch(s -> s != null && s.id() != null);
    }

    private static List<UUID> ids(List<SetRequest> sets) {
        return sets.stream().filter(Objects::nonNull).map(SetRequest::id).toList();
    }

    /**
     * Sets without an id get one. In a whole workout with a client-chosen session id, the id derives
     * from the session id and the set's position, so re-sending the same workout is a no-op. A missing
     * set stays missing, for the checks to name it.
     */
    private static List<SetRequest> withIds(List<SetRequest> sets, UUID sessionId, boolean deterministic) {
        List<SetRequest> withIds = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            SetRequest s = sets.get(i);
            if (s == null) {
                withIds.add(null);
                continue;
            }
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
