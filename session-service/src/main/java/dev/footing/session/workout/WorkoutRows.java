package dev.footing.session.workout;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * New sessions and sets written by JDBC on the transaction's connection, the sets as one batch
 * (rewritten by the driver into multi-row inserts, see application.properties).
 *
 * <p>A new row is inserted once, and what Hibernate does per entity (persist, an action queue,
 * dirty checking at every flush) buys nothing for it; on the write path it cost more CPU per set
 * than PostgreSQL's own work for the row (docs/architecture.md §10). The session a write adds to
 * is read here too, detached: a managed copy would only be dirty-checked at every flush. Reads,
 * completion and retraction still use the {@link WorkoutSession} and {@link WorkoutSet} entities.
 */
@ApplicationScoped
public class WorkoutRows {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(WorkoutSession session) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into workout_session (id, user_id, timezone, program_id, started_at, started_local_date,
                        completed_at, notes, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, session.id);
                insert.setString(2, session.userId);
                insert.setString(3, session.timezone);
                insert.setObject(4, session.programId);
                insert.setTimestamp(5, Timestamp.from(session.startedAt));
                insert.setObject(6, session.startedLocalDate);
                insert.setTimestamp(7, session.completedAt == null ? null : Timestamp.from(session.completedAt));
                insert.setString(8, session.notes);
                insert.setTimestamp(9, Timestamp.from(session.createdAt));
                insert.executeUpdate();
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<WorkoutSet> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // Changes to entities (a session being completed) first, in the order the request made them.
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into workout_set (id, session_id, exercise_id, reps, duration_seconds, load_kg, side, rpe, pain,
                        completed_at, local_date, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (WorkoutSet row : rows) {
                    insert.setObject(1, row.id);
                    insert.setObject(2, row.sessionId);
                    insert.setObject(3, row.exerciseId);
                    setInteger(insert, 4, row.reps);
                    setInteger(insert, 5, row.durationSeconds);
                    insert.setBigDecimal(6, row.loadKg);
                    insert.setString(7, row.side == null ? null : row.side.name());
                    setInteger(insert, 8, row.rpe);
                    setInteger(insert, 9, row.pain);
                    insert.setTimestamp(10, Timestamp.from(row.completedAt));
                    insert.setObject(11, row.localDate);
                    insert.setTimestamp(12, Timestamp.from(row.recordedAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The session with this id, detached (changes to it are not written), or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkoutSession session(UUID id) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select user_id, timezone, program_id, started_at, started_local_date, completed_at, notes, created_at
                    from workout_session where id = ?""")) {
                select.setObject(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    WorkoutSession session = new WorkoutSession();
                    session.id = id;
                    session.userId = rs.getString(1);
                    session.timezone = rs.getString(2);
                    session.programId = rs.getObject(3, UUID.class);
                    session.startedAt = instant(rs, 4);
                    session.startedLocalDate = rs.getObject(5, LocalDate.class);
                    session.completedAt = instant(rs, 6);
                    session.notes = rs.getString(7);
                    session.createdAt = instant(rs, 8);
                    return session;
                }
            }
        });
    }

    /** Which of these set ids exist already (usually none: only a re-sent request reuses ids). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> taken(List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id from workout_set where id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                List<UUID> taken = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        taken.add(rs.getObject(1, UUID.class));
                    }
                }
                return taken;
            }
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
