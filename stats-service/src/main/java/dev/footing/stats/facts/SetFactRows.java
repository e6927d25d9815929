package dev.footing.stats.facts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.footing.stats.event.BodyArea;
import dev.footing.stats.event.SetCompleted;

/**
 * The {@code set_fact} rows of a batch's sets, as ONE INSERT over arrays ({@code unnest}) that the
 * guard's statement carries ({@link AppliedEventGuard}): one parse, plan and execution for the batch
 * instead of one per set, and only the sets whose event the guard inserted now.
 *
 * <p>{@code body_areas} is an array per row, which {@code unnest} cannot take as a column (it would
 * flatten a two-dimensional array), so every set's areas go in one flat array and each row slices
 * its own out by first and last index.
 */
final class SetFactRows {

    private SetFactRows() {
    }

    /**
     * The INSERT of the rows whose event id is in {@code newEvents} (a query's name, of a column event_id),
     * returning what the rollups need of the rows it inserted.
     */
    static String insert(FactTables tables, String newEvents) {
        return "INSERT INTO " + tables.setFact()
                + " (set_id, event_id, user_id, session_id, exercise_id, exercise_slug, exercise_name, category, body_areas,"
                + " measurement, unilateral, reps, duration_seconds, load_kg, side, rpe, completed_at, timezone, local_date,"
                + " pain, program_id, retracted)"
                + " SELECT s.set_id, s.event_id, s.user_id, s.session_id, s.exercise_id, s.exercise_slug, s.exercise_name,"
                + " s.category, a.areas[s.first_area:s.last_area], s.measurement, s.unilateral, s.reps, s.duration_seconds,"
                + " s.load_kg, s.side, s.rpe, s.completed_at, s.timezone, s.local_date, s.pain, s.program_id,"
                + " EXISTS (SELECT 1 FROM " + tables.setRetraction() + " r WHERE r.set_id = s.set_id AND r.user_id = s.user_id)"
                + " FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],"
                + " ?::int[], ?::int[], ?::varchar[], ?::boolean[], ?::int[], ?::int[], ?::numeric[], ?::varchar[], ?::int[],"
                + " ?::timestamptz[], ?::varchar[], ?::date[], ?::int[], ?::uuid[])"
                + " AS s(set_id, event_id, user_id, session_id, exercise_id, exercise_slug, exercise_name, category,"
                + " first_area, last_area, measurement, unilateral, reps, duration_seconds, load_kg, side, rpe,"
                + " completed_at, timezone, local_date, pain, program_id)"
                + " CROSS JOIN (SELECT ?::varchar[] AS areas) a"
                // WHERE ends the FROM clause, so ON CONFLICT cannot be read as part of the join.
                + " WHERE s.event_id IN (SELECT event_id FROM " + newEvents + ") ON CONFLICT (set_id) DO NOTHING"
                // What the rollups need of the rows inserted (Rollups).
                + " RETURNING user_id, local_date, session_id, set_id, completed_at, timezone, reps, duration_seconds, load_kg,"
                + " retracted";
    }

    /**
     * Sets the parameters of {@link #insert}, from {@code first} on. {@code sets}: no set id
     * twice, the first event for a set id wins (session-service refuses a different set under an existing id).
     */
    static void bind(PreparedStatement insert, int first, List<SetCompleted> sets) throws SQLException {
        Connection connection = insert.getConnection();
        int n = sets.size();
        String[] setIds = new String[n];
        String[] eventIds = new String[n];
        String[] userIds = new String[n];
        String[] sessionIds = new String[n];
        String[] exerciseIds = new String[n];
        String[] slugs = new String[n];
        String[] names = new String[n];
        String[] categories = new String[n];
        Integer[] firstArea = new Integer[n];
        Integer[] lastArea = new Integer[n];
        List<String> areas = new ArrayList<>(n * 3);
        String[] measurements = new String[n];
        Boolean[] unilateral = new Boolean[n];
        Integer[] reps = new Integer[n];
        Integer[] durations = new Integer[n];
        String[] loads = new String[n];
        String[] sides = new String[n];
        Integer[] rpes = new Integer[n];
        String[] completedAt = new String[n];
        String[] timezones = new String[n];
        String[] localDates = new String[n];
        Integer[] pains = new Integer[n];
        String[] programIds = new String[n];
        for (int i = 0; i < n; i++) {
            SetCompleted set = sets.get(i);
            setIds[i] = set.setId().toString();
            eventIds[i] = set.eventId().toString();
            userIds[i] = set.userId();
            sessionIds[i] = set.sessionId().toString();
            exerciseIds[i] = set.exercise().id().toString();
            slugs[i] = set.exercise().slug();
            names[i] = set.exercise().name();
            categories[i] = set.exercise().category().name();
            firstArea[i] = areas.size() + 1;
            for (BodyArea area : set.exercise().bodyAreas()) {
                areas.add(area.name());
            }
            lastArea[i] = areas.size();
            measurements[i] = set.exercise().measurement().name();
            unilateral[i] = set.exercise().unilateral();
            reps[i] = set.reps();
            durations[i] = set.durationSeconds();
            // The decimal as the event carried it (scale included), as setBigDecimal would send it.
            loads[i] = set.loadKg().toString();
            sides[i] = set.side() == null ? null : set.side().name();
            rpes[i] = set.rpe();
            completedAt[i] = set.completedAt().toString();
            timezones[i] = set.timezone();
            localDates[i] = set.localDate().toString();
            pains[i] = set.pain();
            programIds[i] = set.programId() == null ? null : set.programId().toString();
        }
        int i = first;
        insert.setArray(i++, connection.createArrayOf("varchar", setIds));
        insert.setArray(i++, connection.createArrayOf("varchar", eventIds));
        insert.setArray(i++, connection.createArrayOf("varchar", userIds));
        insert.setArray(i++, connection.createArrayOf("varchar", sessionIds));
        insert.setArray(i++, connection.createArrayOf("varchar", exerciseIds));
        insert.setArray(i++, connection.createArrayOf("varchar", slugs));
        insert.setArray(i++, connection.createArrayOf("varchar", names));
        insert.setArray(i++, connection.createArrayOf("varchar", categories));
        insert.setArray(i++, connection.createArrayOf("int4", firstArea));
        insert.setArray(i++, connection.createArrayOf("int4", lastArea));
        insert.setArray(i++, connection.createArrayOf("varchar", measurements));
        insert.setArray(i++, connection.createArrayOf("bool", unilateral));
        insert.setArray(i++, connection.createArrayOf("int4", reps));
        insert.setArray(i++, connection.createArrayOf("int4", durations));
        insert.setArray(i++, connection.createArrayOf("varchar", loads));
        insert.setArray(i++, connection.createArrayOf("varchar", sides));
        insert.setArray(i++, connection.createArrayOf("int4", rpes));
        insert.setArray(i++, connection.createArrayOf("varchar", completedAt));
        insert.setArray(i++, connection.createArrayOf("varchar", timezones));
        insert.setArray(i++, connection.createArrayOf("varchar", localDates));
        insert.setArray(i++, connection.createArrayOf("int4", pains));
        insert.setArray(i++, connection.createArrayOf("varchar", programIds));
        insert.setArray(i, connection.createArrayOf("varchar", areas.toArray(String[]::new)));
    }
}
