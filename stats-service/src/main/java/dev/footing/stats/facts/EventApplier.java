package dev.footing.stats.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import dev.footing.stats.event.Positioned;
import dev.footing.stats.event.SessionCompleted;
import dev.footing.stats.event.SetCompleted;
import dev.footing.stats.event.SetRetracted;

/**
 * Applies events to the fact tables, each exactly once in effect: the event id is inserted in
 * the same transaction as the facts, and an id already present means a redelivery that changes
 * nothing. A whole batch is one transaction.
 *
 * <p>Order never matters: the batch is applied in phases (guard and sets, retractions, sessions)
 * and a set stores whether a retraction for it exists, while a retraction marks its set if
 * the set exists. Whichever arrives first, the set ends up retracted. That holds for one writer at a time
 * per user, which {@link UserApplyLock} makes of two consumers briefly applying the same user's events.
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
        List<Positioned> distinct = FirstOccurrences.firstOfEach(batch, p -> p.event().eventId());
        List<SetCompleted> sets = distinct.stream().map(Positioned::event)
                .filter(SetCompleted.class::isInstance).map(SetCompleted.class::cast).toList();
        // The first event for a set id wins, within the batch as against the table (ON CONFLICT). Which of the
        // batch's events are new is known only in the database: the statement inserts the sets of new events.
        List<SetCompleted> firstSets = FirstOccurrences.firstOfEach(sets, SetCompleted::setId);
        try (Connection connection = dataSource.getConnection()) {
            if (sets.size() == distinct.size()) {
                // Sets alone are the lock and one statement (guard and facts) in one message: an implicit transaction.
                connection.setAutoCommit(true);
                List<Positioned> fresh = FirstOccurrences.fresh(distinct,
                        AppliedEventGuard.insertNew(connection, distinct, firstSets, tables));
                return outcome(batch, fresh, List.of());
            }
            connection.setAutoCommit(false);
            try {
                List<Positioned> fresh = FirstOccurrences.fresh(distinct,
                        AppliedEventGuard.insertNew(connection, distinct, firstSets, tables));
                List<Positioned> unknown = insertRetractions(connection, fresh, tables);
                insertSessionCompletions(connection, fresh, tables);
                connection.commit();
                return outcome(batch, fresh, unknown);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static ApplyOutcome outcome(List<Positioned> batch, List<Positioned> fresh, List<Positioned> unknown) {
        Set<String> users = new HashSet<>();
        fresh.forEach(p -> users.add(p.event().userId()));
        return new ApplyOutcome(fresh.size(), batch.size() - fresh.size(), users, unknown, Map.of());
    }

    private static List<Positioned> insertRetractions(Connection connection, List<Positioned> fresh, FactTables tables)
            throws SQLException {
        List<Positioned> retractions = fresh.stream().filter(p -> p.event() instanceof SetRetracted).toList();
        if (retractions.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.setRetraction()
                + " (set_id, event_id, user_id, session_id, retracted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (set_id) DO NOTHING")) {
            for (Positioned p : retractions) {
                SetRetracted retraction = (SetRetracted) p.event();
                insert.setObject(1, retraction.setId());
                insert.setObject(2, retraction.eventId());
                insert.setString(3, retraction.userId());
                insert.setObject(4, retraction.sessionId());
                insert.setObject(5, timestamp(retraction.retractedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<Positioned> unknown = new ArrayList<>();
        for (int index : unknownSets(connection, retractions, tables)) {
            unknown.add(retractions.get(index));
        }
        return unknown;
    }

    /**
     * Marks the retracted sets and un-counts those that were counted from the summary's rollup, in one
     * statement; returns the indexes in {@code retractions} of those whose set is not there (yet).
     */
    private static List<Integer> unknownSets(Connection connection, List<Positioned> retractions, FactTables tables)
            throws SQLException {
        String[] setIds = new String[retractions.size()];
        String[] userIds = new String[retractions.size()];
        for (int i = 0; i < setIds.length; i++) {
            SetRetracted retraction = (SetRetracted) retractions.get(i).event();
            setIds[i] = retraction.setId().toString();
            userIds[i] = retraction.userId();
        }
        // Only a set not yet retracted changes, so a second retraction of a set un-counts nothing. The last
        // query's snapshot is the statement's: a set is there whether or not this statement marks it.
        try (PreparedStatement mark = connection.prepareStatement("WITH r AS (SELECT * FROM"
                + " unnest(?::uuid[], ?::varchar[]) WITH ORDINALITY AS r(set_id, user_id, i)),"
                + " retracted AS (UPDATE " + tables.setFact() + " s SET retracted = true FROM r"
                + " WHERE s.set_id = r.set_id AND s.user_id = r.user_id AND NOT s.retracted"
                + " RETURNING s.user_id, s.local_date, s.session_id, s.reps, s.duration_seconds, s.load_kg),"
                + " day_totals AS (" + Rollups.uncountSets(tables, "retracted") + ")"
                + " SELECT r.i - 1 FROM r WHERE NOT EXISTS (SELECT 1 FROM " + tables.setFact() + " s"
                + " WHERE s.set_id = r.set_id AND s.user_id = r.user_id) ORDER BY r.i")) {
            mark.setArray(1, connection.createArrayOf("varchar", setIds));
            mark.setArray(2, connection.createArrayOf("varchar", userIds));
            List<Integer> unknown = new ArrayList<>();
            try (ResultSet rs = mark.executeQuery()) {
                while (rs.next()) {
                    unknown.add(rs.getInt(1));
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

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
