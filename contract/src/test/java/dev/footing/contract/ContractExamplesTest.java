package dev.footing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractExamplesTest {

    /** Every field, in order; {@link #ADDED_LATER} may be absent (events published before they existed). */
    private static final List<String> SET_COMPLETED_FIELDS = List.of("eventId", "userId", "sessionId", "programId",
            "setId", "exercise", "reps", "durationSeconds", "loadKg", "side", "rpe", "pain", "completedAt", "timezone",
            "localDate");
    private static final Set<String> ADDED_LATER = Set.of("programId", "pain");
    private static final List<String> EXERCISE_REF_FIELDS = List.of("id", "slug", "name", "category", "bodyAreas",
            "measurement", "unilateral");
    private static final List<String> SET_RETRACTED_FIELDS = List.of("eventId", "userId", "sessionId", "setId",
            "retractedAt");
    private static final List<String> SESSION_COMPLETED_FIELDS = List.of("eventId", "userId", "sessionId",
            "programId", "completedAt", "timezone");
    private static final List<String> SNAPSHOT_FIELDS = List.of("id", "slug", "name", "summary", "instructions",
            "category", "bodyAreas", "equipment", "difficulty", "measurement", "unilateral", "prescription",
            "progression", "cautions", "source", "ownAdvice", "retired", "updatedAt");
    private static final List<String> PROGRESSION_FIELDS = List.of("ladders", "load", "next", "previous");
    private static final List<String> LADDER_FIELDS = List.of("axis", "start", "step", "ceiling", "successesRequired");
    private static final List<String> PROGRAM_FIELDS = List.of("id", "slug", "name", "goal", "author", "frequency",
            "sessionsPerWeek", "items", "retired", "updatedAt");
    private static final List<String> PROGRAM_ITEM_FIELDS = List.of("exerciseId", "exercise", "prescription");
    private static final Map<String, String> CE_TIME_FIELD = Map.of("footing.set.completed.v1", "completedAt",
            "footing.set.retracted.v1", "retractedAt", "footing.session.completed.v1", "completedAt");

    @Test
    void everyFileUnderContractIsListedAndEveryListedExampleExists() throws IOException {
        Path root = Path.of("src/main/resources");
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root.resolve("contract"))) {
            paths.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ContractExamples.values()).map(ContractExamples::resource).toList());
    }

    @ParameterizedTest
    @EnumSource(ContractExamples.class)
    void everyExampleIsOneJsonRecordWithAKeyHeadersAndAnObjectValue(ContractExamples example) {
        ContractExample record = example.load();
        assertThat(record.key()).isNotBlank();
        assertThat(record.headers()).isNotNull().doesNotContainValue(null);
        assertThat(record.value().isObject()).isTrue();
        assertThat(record.topic()).isEqualTo(example.topic());
    }

    @ParameterizedTest
    @EnumSource(value = ContractExamples.class, names = "SET_.*|SESSION_.*", mode = EnumSource.Mode.MATCH_ANY)
    void workoutEventsCarryCloudEventsHeadersThatAgreeWithTheBody(ContractExamples example) {
        ContractExample record = example.load();
        JsonNode value = record.value();
        assertThat(record.topic()).isEqualTo(Topics.WORKOUT_EVENTS);
        assertThat(record.headers().keySet())
                .containsExactlyInAnyOrder("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type");
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(record.header("ce_source")).isEqualTo("/footing/session-service");
        assertThat(record.header("content-type")).isEqualTo("application/json");
        assertThat(record.header("ce_id")).isEqualTo(uuid(value, "eventId").toString());
        assertThat(record.key()).as("keyed by user").isEqualTo(value.get("userId").textValue());
        String timeField = CE_TIME_FIELD.get(record.header("ce_type"));
        assertThat(timeField).as("a known ce_type: " + record.header("ce_type")).isNotNull();
        assertThat(Instant.parse(record.header("ce_time"))).isEqualTo(Instant.parse(value.get(timeField).textValue()));
    }

    @ParameterizedTest
    @EnumSource(value = ContractExamples.class, names = "SET_COMPLETED.*", mode = EnumSource.Mode.MATCH_ANY)
    void setCompletedHasEveryFieldInOrderWithItsType(ContractExamples example) {
        JsonNode value = example.load().value();
        assertThat(fieldNames(value)).containsExactlyElementsOf(present(SET_COMPLETED_FIELDS, value));
        assertThat(example.load().header("ce_type")).isEqualTo("footing.set.completed.v1");
        uuid(value, "sessionId");
        uuid(value, "setId");
        JsonNode exercise = value.get("exercise");
        assertThat(fieldNames(exercise)).containsExactlyElementsOf(EXERCISE_REF_FIELDS);
        uuid(exercise, "id");
        assertThat(exercise.get("bodyAreas").isArray()).isTrue();
        assertThat(exercise.get("bodyAreas")).isNotEmpty().allMatch(JsonNode::isTextual);
        assertThat(exercise.get("unilateral").isBoolean()).isTrue();
        String measurement = exercise.get("measurement").textValue();
        assertThat(measurement).isIn("REPS", "DURATION");
        // The measured field is an integer, the other one null.
        String measured = measurement.equals("REPS") ? "reps" : "durationSeconds";
        String other = measurement.equals("REPS") ? "durationSeconds" : "reps";
        assertThat(value.get(measured).isInt()).isTrue();
        assertThat(value.get(other).isNull()).isTrue();
        assertThat(value.get("loadKg").isNumber()).as("loadKg is a number, 0 for bodyweight").isTrue();
        assertThat(value.get("side").isNull() || Set.of("LEFT", "RIGHT", "BOTH").contains(value.get("side").textValue()))
                .isTrue();
        assertThat(value.get("rpe").isNull() || value.get("rpe").isInt()).isTrue();
        assertThat(value.path("pain").isMissingNode() || value.get("pain").isNull()
                || value.get("pain").isInt() && value.get("pain").intValue() >= 0 && value.get("pain").intValue() <= 10)
                .as("pain: absent, null or 0-10").isTrue();
        assertThat(value.path("programId").isMissingNode() || value.get("programId").isNull() || uuid(value, "programId") != null)
                .isTrue();
        Instant.parse(value.get("completedAt").textValue());
        LocalDate localDate = LocalDate.parse(value.get("localDate").textValue());
        ZoneId zone = ZoneId.of(value.get("timezone").textValue());
        assertThat(localDate).as("the local date is the completion instant in the user's zone")
                .isEqualTo(LocalDate.ofInstant(Instant.parse(value.get("completedAt").textValue()), zone));
    }

    @Test
    void theEdgeCasesAreWhatTheirNamesSay() {
        JsonNode duration = ContractExamples.SET_COMPLETED_DURATION_WITH_LOAD.load().value();
        assertThat(duration.at("/exercise/measurement").textValue()).isEqualTo("DURATION");
        assertThat(duration.get("loadKg").decimalValue()).isPositive();
        JsonNode unknownArea = ContractExamples.SET_COMPLETED_UNKNOWN_BODY_AREA.load().value();
        assertThat(unknownArea.at("/exercise/bodyAreas/0").textValue())
                .as("a body area no consumer knows yet").isEqualTo("PLANTAR_FASCIA");
        assertThat(ContractExamples.EXERCISE_SNAPSHOT_RETIRED.load().value().get("retired").booleanValue()).isTrue();
        assertThat(ContractExamples.EXERCISE_SNAPSHOT.load().value().get("retired").booleanValue()).isFalse();
        JsonNode withPain = ContractExamples.SET_COMPLETED_WITH_PAIN_AND_PROGRAM.load().value();
        assertThat(withPain.get("pain").intValue()).isEqualTo(3);
        JsonNode completedWithProgram = ContractExamples.SESSION_COMPLETED_WITH_PROGRAM.load().value();
        assertThat(uuid(withPain, "programId")).isEqualTo(uuid(completedWithProgram, "programId"));
        assertThat(withPain.get("sessionId")).isEqualTo(completedWithProgram.get("sessionId"));
    }

    /** The examples from before pain and programId existed keep their old shape: consumers must read both. */
    @ParameterizedTest
    @EnumSource(value = ContractExamples.class, names = { "SET_COMPLETED", "SET_COMPLETED_DURATION_WITH_LOAD",
            "SET_COMPLETED_UNKNOWN_BODY_AREA", "SESSION_COMPLETED" })
    void theExamplesFromBeforeTheAddedFieldsStayAsTheyWere(ContractExamples example) {
        JsonNode value = example.load().value();
        assertThat(value.has("pain")).isFalse();
        assertThat(value.has("programId")).isFalse();
    }

    @Test
    void setRetractedHasEveryFieldInOrder() {
        ContractExample retracted = ContractExamples.SET_RETRACTED.load();
        assertThat(retracted.header("ce_type")).isEqualTo("footing.set.retracted.v1");
        assertThat(fieldNames(retracted.value())).containsExactlyElementsOf(SET_RETRACTED_FIELDS);
    }

    @ParameterizedTest
    @EnumSource(value = ContractExamples.class, names = "SESSION_COMPLETED.*", mode = EnumSource.Mode.MATCH_ANY)
    void sessionCompletedHasEveryFieldInOrder(ContractExamples example) {
        ContractExample session = example.load();
        assertThat(session.header("ce_type")).isEqualTo("footing.session.completed.v1");
        assertThat(fieldNames(session.value())).containsExactlyElementsOf(present(SESSION_COMPLETED_FIELDS, session.value()));
        ZoneId.of(session.value().get("timezone").textValue());
        assertThat(session.value().path("programId").isMissingNode() || session.value().get("programId").isNull()
                || uuid(session.value(), "programId") != null).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ContractExamples.class, names = "EXERCISE_.*", mode = EnumSource.Mode.MATCH_ANY)
    void exerciseSnapshotsAreKeyedByIdAndHaveEveryFieldWithItsType(ContractExamples example) {
        ContractExample record = example.load();
        JsonNode value = record.value();
        assertThat(record.topic()).isEqualTo(Topics.EXERCISE_CATALOG);
        assertThat(record.key()).isEqualTo(uuid(value, "id").toString());
        assertThat(fieldNames(value)).containsExactlyElementsOf(SNAPSHOT_FIELDS);
        for (String list : List.of("instructions", "bodyAreas", "equipment", "cautions", "ownAdvice")) {
            assertThat(value.get(list).isArray()).as(list).isTrue();
            assertThat(value.get(list)).as(list).allMatch(JsonNode::isTextual);
        }
        for (String text : List.of("slug", "name", "summary", "category", "difficulty", "measurement", "source")) {
            assertThat(value.get(text).isTextual()).as(text).isTrue();
        }
        assertThat(value.get("unilateral").isBoolean()).isTrue();
        assertThat(value.get("retired").isBoolean()).isTrue();
        assertThat(value.get("prescription").isObject()).isTrue();
        assertThat(value.get("prescription").get("sets").isInt()).isTrue();
        JsonNode progression = value.get("progression");
        assertThat(progression.isNull() || progression.isObject()).as("progression: an object or null").isTrue();
        if (progression.isObject()) {
            assertThat(fieldNames(progression)).containsExactlyElementsOf(PROGRESSION_FIELDS);
            for (JsonNode ladder : progression.get("ladders")) {
                assertThat(fieldNames(ladder)).containsExactlyElementsOf(LADDER_FIELDS);
                assertThat(ladder.get("axis").textValue()).isIn("REPS", "HOLD_SECONDS", "SETS");
                LADDER_FIELDS.subList(1, LADDER_FIELDS.size()).forEach(f -> assertThat(ladder.get(f).isInt()).as(f).isTrue());
                assertThat(ladder.get("start").intValue()).isLessThanOrEqualTo(ladder.get("ceiling").intValue());
            }
            assertThat(progression.get("load").isNull() || progression.get("load").isObject()).isTrue();
            assertThat(progression.get("next").isNull() || progression.get("next").isTextual()).isTrue();
            assertThat(progression.get("previous").isNull() || progression.get("previous").isTextual()).isTrue();
        }
        // Every pointer names a statement of this very snapshot (RFC 6901; "" would be the whole exercise).
        for (JsonNode pointer : value.get("ownAdvice")) {
            assertThat(value.at(pointer.textValue()).isMissingNode()).as(pointer.textValue()).isFalse();
        }
        Instant.parse(value.get("updatedAt").textValue());
    }

    @Test
    void theExerciseSnapshotShowsALadderAndFootingsOwnAdvice() {
        JsonNode value = ContractExamples.EXERCISE_SNAPSHOT.load().value();
        assertThat(value.at("/progression/ladders/0/axis").textValue()).isEqualTo("REPS");
        assertThat(value.at("/progression/ladders/0/start").intValue()).isEqualTo(value.at("/prescription/reps").intValue());
        assertThat(value.at("/progression/ladders/0/ceiling").intValue()).isEqualTo(value.at("/prescription/repsMax").intValue());
        assertThat(value.get("ownAdvice")).isNotEmpty();
        assertThat(ContractExamples.EXERCISE_SNAPSHOT_RETIRED.load().value().get("progression").isNull()).isTrue();
    }

    @Test
    void programSnapshotsAreKeyedByIdAndHaveEveryFieldWithItsType() {
        ContractExample record = ContractExamples.PROGRAM_SNAPSHOT.load();
        JsonNode value = record.value();
        assertThat(record.topic()).isEqualTo(Topics.PROGRAM_CATALOG);
        assertThat(record.headers()).isEmpty();
        assertThat(record.key()).isEqualTo(uuid(value, "id").toString());
        assertThat(fieldNames(value)).containsExactlyElementsOf(PROGRAM_FIELDS);
        for (String text : List.of("slug", "name", "goal", "author", "frequency")) {
            assertThat(value.get(text).isTextual()).as(text).isTrue();
        }
        JsonNode sessionsPerWeek = value.get("sessionsPerWeek");
        assertThat(sessionsPerWeek.isNull() || sessionsPerWeek.isInt() && sessionsPerWeek.intValue() >= 1
                && sessionsPerWeek.intValue() <= 14).as("sessionsPerWeek: 1-14 or null").isTrue();
        assertThat(value.get("items").isArray()).isTrue();
        assertThat(value.get("items")).isNotEmpty();
        for (JsonNode item : value.get("items")) {
            assertThat(fieldNames(item)).containsExactlyElementsOf(PROGRAM_ITEM_FIELDS);
            uuid(item, "exerciseId");
            assertThat(item.get("exercise").isTextual()).isTrue();
            assertThat(item.get("prescription").isNull() || item.get("prescription").get("sets").isInt()).isTrue();
        }
        assertThat(value.get("retired").isBoolean()).isTrue();
        Instant.parse(value.get("updatedAt").textValue());
    }

    @Test
    void valueJsonKeepsDecimalsAsWritten() {
        assertThat(ContractExamples.SET_COMPLETED_DURATION_WITH_LOAD.load().valueJson()).contains("\"loadKg\":4.25");
        assertThat(ContractExamples.SET_COMPLETED.load().valueJson()).contains("\"loadKg\":10.5");
    }

    @Test
    void onTopicListsTheExamplesOfThatTopicOnly() {
        assertThat(ContractExamples.onTopic(Topics.WORKOUT_EVENTS)).hasSize(7)
                .allMatch(e -> e.topic().equals(Topics.WORKOUT_EVENTS));
        assertThat(ContractExamples.onTopic(Topics.EXERCISE_CATALOG)).hasSize(2);
        assertThat(ContractExamples.onTopic(Topics.PROGRAM_CATALOG)).hasSize(1);
        assertThat(ContractExamples.all()).hasSize(ContractExamples.values().length);
    }

    /** The fields of {@code all} this value has, in order: the ones added later may be absent, no other. */
    private static List<String> present(List<String> all, JsonNode value) {
        return all.stream().filter(f -> !ADDED_LATER.contains(f) || value.has(f)).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static UUID uuid(JsonNode node, String field) {
        String text = node.get(field).textValue();
        UUID uuid = UUID.fromString(text);
        assertThat(uuid.toString()).isEqualTo(text);
        return uuid;
    }
}
