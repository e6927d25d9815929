package dev.footing.stats.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.footing.common.db.SqlStates;
import dev.footing.stats.event.BodyArea;
import dev.footing.stats.event.Positioned;
import dev.footing.stats.event.SessionCompleted;
import dev.footing.stats.event.SetCompleted;
import dev.footing.stats.event.SetRetracted;

/**
 * Applies events to the fact tables, each exactly once in effect: the event id is inserted in
 * the same transaction as the facts, and an id already present means a redelivery that changes
 * nothing. A whole batch is one transaction.
 *
 * <p>Order never matters: the batch is applied in phases (guard, sets, retractions, sessions)
 * and a set stores whether a retraction for it exists, while a retraction marks its set if
 * the set exists. Whichever arrives first, the set ends up retracted.
 */
@ApplicationScoped
public class EventApplier {

    private static final Logger LOG = Logger.getLogger(EventApplier.class);

    @Inject
    DataSource dataSource;

    public ApplyOutcome apply(List<Positioned> batch, FactTables tables) throws SQLException {
        try {
            return applyInOneTransaction(batch, tables);
        } catch (SQLException e) {
            if (batch.size() == 1 || !SqlStates.isAboutTheData(e)) {
                throw e;
            }
            // One event the database refuses must not block the others: find it by applying one at a time.
            LOG.warnf("batch of %d refused (%s), applying one event at a time", batch.size(), e.getMessage());
            return applyOneByOne(batch, tables);
        }
    }

    private ApplyOutcome applyOneByOne(List<Positioned> batch, FactTables tables) throws SQLException {
        int applied = 0;
        int duplicates = 0;
        Set<String> users = new HashSet<>();
        List<Positioned> unknown = new ArrayList<>();
        Map<Positioned, String> rejected = new LinkedHashMap<>();
        for (Positioned event : batch) {
            try {
                ApplyOutcome one = applyInOneTransaction(List.of(event), tables);
                applied += one.applied();
                duplicates += one.duplicates();
                users.addAll(one.users());
                unknown.addAll(one.unknownSetRetractions());
            } catch (SQLException e) {
                if (!SqlStates.isAboutTheData(e)) {
                    throw e;
                }
                rejected.put(event, "cannot apply: " + e.getMessage());
            }
        }
        return new ApplyOutcome(applied, duplicates, users, unknown, rejected);
    }

    private ApplyOutcome applyInOneTransaction(List<Positioned> batch, FactTables tables) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Positioned> fresh = guard(connection, batch, tables);
                insertSets(connection, fresh, tables);
                List<Positioned> unknown = insertRetractions(connection, fresh, tables);
                insertSessionCompletions(connection, fresh, tables);
                connection.commit();
                Set<String> users = new HashSet<>();
                fresh.forEach(p -> users.add(p.event().userId()));
                return new ApplyOutcome(fresh.size(), batch.size() - fresh.size(), users, unknown, Map.of());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static List<Positioned> guard(Connection connection, List<Positioned> batch, FactTables tables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.appliedEvent()
                + " (event_id, user_id, event_type, event_time, source_partition, source_offset)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            for (Positioned p : batch) {
                insert.setObject(1, p.event().eventId());
                insert.setString(2, p.event().userId());
                insert.setString(3, p.event().type().ceType());
                insert.setObject(4, timestamp(p.event().eventTime()));
                insert.setInt(5, p.partition());
                insert.setLong(6, p.offset());
                insert.addBatch();
            }
            int[] inserted = insert.executeBatch();
            List<Positioned> fresh = new ArrayList<>();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    fresh.add(batch.get(i));
                }
            }
            return fresh;
        }
    }

    private static void insertSets(Connection connection, List<Positioned> fresh, FactTables tables) throws SQLException {
        List<SetCompleted> sets = fresh.stream().map(Positioned::event)
                .filter(SetCompleted.class::isInstance).map(SetCompleted.class::cast).toList();
        if (sets.isEmpty()) {
            return;
        }
        // The first event for a set id wins: session-service refuses a different set under an existing id.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.setFact()
                + " (set_id, event_id, user_id, session_id, exercise_id, exercise_slug, exercise_name, category, body_areas,"
                + " measurement, unilateral, reps, duration_seconds, load_kg, side, rpe, completed_at, timezone, local_date,"
                + " pain, program_id, retracted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " EXISTS (SELECT 1 FROM " + tables.setRetraction() + " r WHERE r.set_id = ? AND r.user_id = ?))"
                + " ON CONFLICT (set_id) DO NOTHING")) {
            for (SetCompleted set : sets) {
                int i = 1;
                insert.setObject(i++, set.setId());
                insert.setObject(i++, set.eventId());
                insert.setString(i++, set.userId());
                insert.setObject(i++, set.sessionId());
                insert.setObject(i++, set.exercise().id());
                insert.setString(i++, set.exercise().slug());
                insert.setString(i++, set.exercise().name());
                insert.setString(i++, set.exercise().category().name());
                insert.setArray(i++, connection.createArrayOf("varchar",
                        set.exercise().bodyAreas().stream().map(BodyArea::name).toArray()));
                insert.setString(i++, set.exercise().measurement().name());
                insert.setBoolean(i++, set.exercise().unilateral());
                setInteger(insert, i++, set.reps());
                setInteger(insert, i++, set.durationSeconds());
                insert.setBigDecimal(i++, set.loadKg());
                insert.setString(i++, set.side() == null ? null : set.side().name());
                setInteger(insert, i++, set.rpe());
                insert.setObject(i++, timestamp(set.completedAt()));
                insert.setString(i++, set.timezone());
                insert.setObject(i++, set.localDate());
                setInteger(insert, i++, set.pain());
                insert.setObject(i++, set.programId());
                insert.setObject(i++, set.setId());
                insert.setString(i, set.userId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<Positioned> insertRetractions(Connection connection, List<Positioned> fresh, FactTables tables)
            throws SQLException {
        List<Positioned> retractions = fresh.stream().filter(p -> p.event() instanceof SetRetracted).toList();
        if (retractions.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.setRetraction()
                + " (set_id, event_id, user_id, session_id, retracted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (set_id) DO NOTHING");
                PreparedStatement mark = connection.prepareStatement("UPDATE " + tables.setFact()
                        + " SET retracted = true WHERE set_id = ? AND user_id = ?")) {
            for (Positioned p : retractions) {
                SetRetracted retraction = (SetRetracted) p.event();
                insert.setObject(1, retraction.setId());
                insert.setObject(2, retraction.eventId());
                insert.setString(3, retraction.userId());
                insert.setObject(4, retraction.sessionId());
                insert.setObject(5, timestamp(retraction.retractedAt()));
                insert.addBatch();
                mark.setObject(1, retraction.setId());
                mark.setString(2, retraction.userId());
                mark.addBatch();
            }
            insert.executeBatch();
            int[] marked = mark.executeBatch();
            List<Positioned> unknown = new ArrayList<>();
            for (int i = 0; i < marked.length; i++) {
                if (marked[i] == 0) {
                    unknown.add(retractions.get(i));
                }
            }
            return unknown;
        }
    }

    private static void insertSessionCompletions(Connection connection, List<Positioned> fresh, FactTables tables)
            throws SQLException {
        List<SessionCompleted> completions = fresh.stream().map(Positioned::event)
                .filter(SessionCompleted.class::isInstance).map(SessionCompleted.class::cast).toList();
        if (completions.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.sessionCompletion()
                + " (session_id, event_id, user_id, completed_at, timezone, program_id) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (session_id) DO NOTHING")) {
            for (SessionCompleted completion : completions) {
                insert.setObject(1, completion.sessionId());
                insert.setObject(2, completion.eventId());
                insert.setString(3, completion.userId());
                insert.setObject(4, timestamp(completion.completedAt()));
                insert.setString(5, completion.timezone());
                insert.setObject(6, completion.programId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
