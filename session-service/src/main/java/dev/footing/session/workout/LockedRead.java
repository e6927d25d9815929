package dev.footing.session.workout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.footing.session.exercise.ExerciseReplica;
import dev.footing.session.outbox.UserWriteLock;
import dev.footing.session.program.ProgramReplica;

/**
 * What a write needs from the database, read in one round trip on its connection, after its user's
 * write lock is held ({@link UserWriteLock}): the session, the exercises of the sets, the program,
 * and the stored sets among ids the client chose (a re-sent request).
 *
 * <p>The lock is a statement of its own, the first: the driver sends all of them before it waits for
 * an answer, and PostgreSQL runs them in order, each with a snapshot taken when it starts. Read in
 * the same statement as the lock, a set a concurrent request of the same user committed while this one
 * waited would be invisible, and a re-sent set would fail as a duplicate instead of answering as the
 * first time did.
 */
final class LockedRead {

    /** What was read; the session is null when there is none with that id. */
    record Found(WorkoutSession session, Map<UUID, ExerciseReplica> exercises, boolean programKnown,
            Map<UUID, WorkoutSet> storedSets) {
    }

    private LockedRead() {
    }

    /** For sets added to a session: the lock is that of the session's user. */
    static Found forSets(Connection connection, UUID sessionId, Collection<UUID> exerciseIds, Collection<UUID> chosenSetIds)
            throws SQLException {
        Statements statements = new Statements(connection);
        statements.add("select " + UserWriteLock.lockOf("user_id") + " from workout_session where id = ?", sessionId);
        return statements.read(sessionId, exerciseIds, null, chosenSetIds);
    }

    /** For a new session of {@code userId}; {@code sessionId} is null when the server chose it (no such session yet). */
    static Found forSession(Connection connection, String userId, UUID sessionId, Collection<UUID> exerciseIds, UUID programId,
            Collection<UUID> chosenSetIds) throws SQLException {
        Statements statements = new Statements(connection);
        statements.add("select " + UserWriteLock.lockOf("?"), userId);
        return statements.read(sessionId, exerciseIds, programId, chosenSetIds);
    }

    /** The statements of one round trip, each answering with one result set. */
    private static final class Statements {
        private final Connection connection;
        private final List<String> sql = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();
        private boolean first = true;

        Statements(Connection connection) {
            this.connection = connection;
        }

        void add(String statement, Object parameter) throws SQLException {
            sql.add(statement);
            parameters.add(parameter instanceof Collection<?> ids ? connection.createArrayOf("uuid", ids.toArray()) : parameter);
        }

        Found read(UUID sessionId, Collection<UUID> exerciseIds, UUID programId, Collection<UUID> chosenSetIds) throws SQLException {
            boolean session = sessionId != null;
            boolean exercises = !exerciseIds.isEmpty();
            boolean program = programId != null;
            boolean sets = !chosenSetIds.isEmpty();
            if (session) {
                add("select " + WorkoutRows.SESSION_COLUMNS + " from workout_session where id = ?", sessionId);
            }
            if (exercises) {
                add(ExerciseReplica.SELECT_BY_IDS, exerciseIds);
            }
            if (program) {
                add(ProgramReplica.EXISTS, programId);
            }
            if (sets) {
                add("select " + WorkoutRows.SET_COLUMNS + " from workout_set where id = any(?)", chosenSetIds);
            }
            try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", sql))) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                statement.execute();
                next(statement); // the lock
                WorkoutSession found = null;
                if (session) {
                    try (ResultSet rs = next(statement)) {
                        found = rs.next() ? WorkoutRows.session(rs) : null;
                    }
                }
                Map<UUID, ExerciseReplica> replicas = new HashMap<>();
                if (exercises) {
                    try (ResultSet rs = next(statement)) {
                        while (rs.next()) {
                            ExerciseReplica replica = ExerciseReplica.read(rs);
                            replicas.put(replica.id, replica);
                        }
                    }
                }
                boolean programKnown = false;
                if (program) {
                    try (ResultSet rs = next(statement)) {
                        programKnown = rs.next() && rs.getBoolean(1);
                    }
                }
                Map<UUID, WorkoutSet> stored = new HashMap<>();
                if (sets) {
                    try (ResultSet rs = next(statement)) {
                        while (rs.next()) {
                            WorkoutSet set = WorkoutRows.set(rs);
                            stored.put(set.id, set);
                        }
                    }
                }
                return new Found(found, replicas, programKnown, stored);
            }
        }

        private ResultSet next(PreparedStatement statement) throws SQLException {
            if (!first && !statement.getMoreResults()) {
                throw new IllegalStateException("a statement of the write's read answered nothing");
            }
            first = false;
            return statement.getResultSet();
        }
    }
}
