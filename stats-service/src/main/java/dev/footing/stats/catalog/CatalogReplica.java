package dev.footing.stats.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.common.db.StoreUnavailableException;
import dev.footing.stats.event.Measurement;

/**
 * Stats' copy of the catalog's exercises and programs, from the compacted topics. An older snapshot never
 * overwrites a newer one, so replaying a topic from the start (every instance does on start) converges on
 * the latest state. Lookups by slug prefer a live entry over a retired one.
 */
@ApplicationScoped
public class CatalogReplica {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    void apply(ExerciseSnapshot snapshot) throws SQLException {
        Measurement measurement = Measurement.valueOf(snapshot.measurement());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO exercise_replica (exercise_id, slug, name,"
                        + " measurement, unilateral, prescription, progression, retired, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) ON CONFLICT (exercise_id) DO UPDATE SET"
                        + " slug = EXCLUDED.slug, name = EXCLUDED.name, measurement = EXCLUDED.measurement,"
                        + " unilateral = EXCLUDED.unilateral, prescription = EXCLUDED.prescription,"
                        + " progression = EXCLUDED.progression, retired = EXCLUDED.retired, updated_at = EXCLUDED.updated_at"
                        + " WHERE exercise_replica.updated_at <= EXCLUDED.updated_at")) {
            upsert.setObject(1, snapshot.id());
            upsert.setString(2, snapshot.slug());
            upsert.setString(3, snapshot.name());
            upsert.setString(4, measurement.name());
            upsert.setBoolean(5, snapshot.unilateral());
            upsert.setString(6, jsonOrNull(snapshot.prescription()));
            upsert.setString(7, jsonOrNull(snapshot.progression()));
            upsert.setBoolean(8, Boolean.TRUE.equals(snapshot.retired()));
            upsert.setObject(9, updatedAt(snapshot.updatedAt()));
            upsert.executeUpdate();
        }
    }

    void apply(ProgramSnapshot snapshot) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO program_replica (program_id, slug, name,"
                        + " frequency, sessions_per_week, items, retired, updated_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                        + " ON CONFLICT (program_id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,"
                        + " frequency = EXCLUDED.frequency, sessions_per_week = EXCLUDED.sessions_per_week,"
                        + " items = EXCLUDED.items, retired = EXCLUDED.retired, updated_at = EXCLUDED.updated_at"
                        + " WHERE program_replica.updated_at <= EXCLUDED.updated_at")) {
            upsert.setObject(1, snapshot.id());
            upsert.setString(2, snapshot.slug());
            upsert.setString(3, snapshot.name());
            upsert.setString(4, snapshot.frequency());
            upsert.setObject(5, snapshot.sessionsPerWeek());
            upsert.setString(6, json.writeValueAsString(snapshot.items()));
            upsert.setBoolean(7, Boolean.TRUE.equals(snapshot.retired()));
            upsert.setObject(8, updatedAt(snapshot.updatedAt()));
            upsert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A tombstone on a compacted topic: gone from the catalog; kept as retired, since history refers to it. */
    void retire(String table, String idColumn, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + table + " SET retired = true WHERE " + idColumn + " = ?")) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }

    /** Every exercise the replica knows (the catalog is small: tens of exercises). */
    public List<CatalogExercise> exercises() {
        return query("SELECT exercise_id, slug, name, measurement, unilateral, prescription::text, progression::text, retired"
                + " FROM exercise_replica ORDER BY retired, updated_at DESC", List.of(), this::exercise);
    }

    public Optional<CatalogProgram> program(UUID id) {
        return query(PROGRAMS + " WHERE program_id = ?", List.of(id), this::program).stream().findFirst();
    }

    public Optional<CatalogProgram> programBySlug(String slug) {
        return query(PROGRAMS + " WHERE slug = ? ORDER BY retired, updated_at DESC LIMIT 1", List.of(slug), this::program)
                .stream().findFirst();
    }

    public List<CatalogProgram> programs(List<UUID> ids) {
        // One argument, the array (List.of would spread it into one argument per id).
        return query(PROGRAMS + " WHERE program_id = ANY (?)", Collections.singletonList(ids.toArray(UUID[]::new)),
                this::program).stream()
                .sorted(Comparator.comparing(CatalogProgram::slug)).toList();
    }

    private static final String PROGRAMS = "SELECT program_id, slug, name, frequency, sessions_per_week, items::text, retired"
            + " FROM program_replica";

    private CatalogExercise exercise(ResultSet rs) throws SQLException {
        return new CatalogExercise(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Measurement.valueOf(rs.getString(4)), rs.getBoolean(5), tree(rs.getString(6)), tree(rs.getString(7)),
                rs.getBoolean(8));
    }

    private CatalogProgram program(ResultSet rs) throws SQLException {
        try {
            List<ProgramItem> items = List.of(json.readValue(rs.getString(6), ProgramItem[].class));
            return new CatalogProgram(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    (Integer) rs.getObject(5), items, rs.getBoolean(7));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored program items unreadable", e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }

    private String jsonOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }

    private static Object updatedAt(Instant updatedAt) {
        return (updatedAt == null ? Instant.EPOCH : updatedAt).atOffset(ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> args, Row<T> row) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof UUID[] ids) {
                    select.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    select.setObject(i + 1, arg);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreUnavailableException("catalog replica query failed: " + e.getMessage(), e);
        }
    }
}
