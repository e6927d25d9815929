package dev.footing.stats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.footing.stats.support.StrictMapper;

class EventParserTest {

    private static final EventParser PARSER = new EventParser(StrictMapper.create());

    private static final String EVENT_ID = "7d1f8a36-4d8c-4f3e-9a51-0c2f6f1d2b11";

    private static Map<String, String> headers(String type) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", EVENT_ID);
        headers.put("ce_type", type);
        headers.put("ce_source", "/footing/session-service");
        headers.put("ce_time", "2026-11-01T05:30:00.123Z");
        headers.put("content-type", "application/json");
        return headers;
    }

    private static String setBody(String replaceFrom, String replaceTo) {
        String body = """
                {"eventId":"%s","userId":"ana@example.org","sessionId":"11111111-1111-1111-1111-111111111111",
                 "setId":"22222222-2222-2222-2222-222222222222",
                 "exercise":{"id":"33333333-3333-3333-3333-333333333333","slug":"single-leg-calf-raise",
                   "name":"Single-leg calf raise","category":"STRENGTH","bodyAreas":["CALF","ACHILLES"],
                   "measurement":"REPS","unilateral":true},
                 "reps":12,"durationSeconds":null,"loadKg":7.5,"side":"LEFT","rpe":8,
                 "completedAt":"2026-11-01T05:30:00Z","timezone":"America/New_York","localDate":"2026-11-01",
                 "someFutureField":{"x":1}}
                """.formatted(EVENT_ID);
        return replaceFrom == null ? body : body.replace(replaceFrom, replaceTo);
    }

    private static String poisonReason(Map<String, String> headers, String body) {
        try {
            PARSER.parse(headers, body);
        } catch (PoisonMessageException e) {
            return e.reason();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void parsesACompletedSet() {
        SetCompleted set = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"), setBody(null, null));
        assertThat(set.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
        assertThat(set.userId()).isEqualTo("ana@example.org");
        assertThat(set.eventTime()).isEqualTo(Instant.parse("2026-11-01T05:30:00.123Z"));
        assertThat(set.exercise().bodyAreas()).containsExactly(BodyArea.CALF, BodyArea.ACHILLES);
        assertThat(set.exercise().measurement()).isEqualTo(Measurement.REPS);
        assertThat(set.exercise().unilateral()).isTrue();
        assertThat(set.reps()).isEqualTo(12);
        assertThat(set.durationSeconds()).isNull();
        assertThat(set.loadKg()).isEqualByComparingTo(new BigDecimal("7.5"));
        assertThat(set.side()).isEqualTo(Side.LEFT);
        assertThat(set.rpe()).isEqualTo(8);
        assertThat(set.timezone()).isEqualTo("America/New_York");
        assertThat(set.localDate()).isEqualTo(LocalDate.parse("2026-11-01"));
    }

    @Test
    void painAndProgramAreOptionalAddedFields() {
        SetCompleted older = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"), setBody(null, null));
        assertThat(older.pain()).isNull();
        assertThat(older.programId()).isNull();

        SetCompleted set = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"), setBody("\"rpe\":8,",
                "\"rpe\":8,\"pain\":0,\"programId\":\"44444444-4444-4444-4444-444444444444\","));
        assertThat(set.pain()).isZero();
        assertThat(set.programId()).isEqualTo(UUID.fromString("44444444-4444-4444-4444-444444444444"));
        SetCompleted nulls = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"), setBody("\"rpe\":8,",
                "\"rpe\":8,\"pain\":null,\"programId\":null,"));
        assertThat(nulls.pain()).isNull();
        assertThat(nulls.programId()).isNull();
    }

    @Test
    void painOutsideZeroToTenOrAProgramThatIsNoIdIsPoison() {
        assertThat(poisonReason(headers("footing.set.completed.v1"), setBody("\"rpe\":8,", "\"rpe\":8,\"pain\":11,")))
                .isEqualTo("invalid field pain: must be between 0 and 10");
        assertThat(poisonReason(headers("footing.set.completed.v1"), setBody("\"rpe\":8,", "\"rpe\":8,\"pain\":-1,")))
                .isEqualTo("invalid field pain: must be between 0 and 10");
        assertThat(poisonReason(headers("footing.set.completed.v1"), setBody("\"rpe\":8,", "\"rpe\":8,\"pain\":5.5,")))
                .isEqualTo("invalid field pain: must be an integer");
        assertThat(poisonReason(headers("footing.set.completed.v1"), setBody("\"rpe\":8,", "\"rpe\":8,\"programId\":\"x\",")))
                .isEqualTo("invalid field programId: not a UUID: x");
    }

    @Test
    void onlyTheCanonicalFormOfAUuidIsOne() {
        for (String notCanonical : new String[] {"1-2-3-4-5", "44444444-4444-4444-4444-44444444444g", "444444444-444-4444-4444-444444444444",
                "44444444-4444-4444-4444-4444444444444", "{44444444-4444-4444-4444-444444444444}", "44444444_4444_4444_4444_444444444444"}) {
            assertThat(poisonReason(headers("footing.set.completed.v1"),
                    setBody("\"rpe\":8,", "\"rpe\":8,\"programId\":\"" + notCanonical + "\",")))
                    .isEqualTo("invalid field programId: not a UUID: " + notCanonical);
        }
        SetCompleted upperCase = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"),
                setBody("\"rpe\":8,", "\"rpe\":8,\"programId\":\"ABCDEF01-2345-6789-ABCD-EF0123456789\","));
        assertThat(upperCase.programId()).isEqualTo(UUID.fromString("abcdef01-2345-6789-abcd-ef0123456789"));
    }

    @Test
    void bodyweightSetWithoutLoadOrSideIsValid() {
        SetCompleted set = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"),
                setBody("\"loadKg\":7.5,\"side\":\"LEFT\",\"rpe\":8,", "\"loadKg\":0,\"side\":null,\"rpe\":null,"));
        assertThat(set.loadKg()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(set.side()).isNull();
        assertThat(set.rpe()).isNull();
    }

    @Test
    void durationSetKeepsSecondsAndIgnoresReps() {
        SetCompleted set = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"),
                setBody("\"measurement\":\"REPS\"", "\"measurement\":\"DURATION\"")
                        .replace("\"durationSeconds\":null", "\"durationSeconds\":45"));
        assertThat(set.durationSeconds()).isEqualTo(45);
        assertThat(set.reps()).isNull();
    }

    @Test
    void parsesARetractionAndASessionCompletion() {
        SetRetracted retraction = (SetRetracted) PARSER.parse(headers("footing.set.retracted.v1"), """
                {"eventId":"%s","userId":"u1","sessionId":"11111111-1111-1111-1111-111111111111",
                 "setId":"22222222-2222-2222-2222-222222222222","retractedAt":"2026-11-02T08:00:00Z"}
                """.formatted(EVENT_ID));
        assertThat(retraction.setId()).isEqualTo(UUID.fromString("22222222-2222-2222-2222-222222222222"));
        SessionCompleted completion = (SessionCompleted) PARSER.parse(headers("footing.session.completed.v1"), """
                {"eventId":"%s","userId":"u1","sessionId":"11111111-1111-1111-1111-111111111111",
                 "completedAt":"2026-11-02T08:00:00Z","timezone":"Pacific/Auckland"}
                """.formatted(EVENT_ID));
        assertThat(completion.timezone()).isEqualTo("Pacific/Auckland");
    }

    @Test
    void poisonReasonsNameWhatIsWrong() {
        Map<String, String> ok = headers("footing.set.completed.v1");
        assertThat(poisonReason(ok, "{not json")).startsWith("not JSON");
        assertThat(poisonReason(ok, "[1,2]")).isEqualTo("not a JSON object");
        assertThat(poisonReason(ok, "")).isEqualTo("empty body");
        assertThat(poisonReason(headers("footing.set.exploded.v1"), setBody(null, null)))
                .isEqualTo("unknown ce_type: footing.set.exploded.v1");
        assertThat(poisonReason(ok, setBody("\"setId\":\"22222222-2222-2222-2222-222222222222\",", "")))
                .isEqualTo("missing field setId");
        assertThat(poisonReason(ok, setBody("\"reps\":12", "\"reps\":null"))).isEqualTo("missing field reps");
        assertThat(poisonReason(ok, setBody("\"reps\":12", "\"reps\":\"twelve\""))).startsWith("invalid field reps");
        assertThat(poisonReason(ok, setBody("\"reps\":12", "\"reps\":0"))).startsWith("invalid field reps");
        assertThat(poisonReason(ok, setBody("\"loadKg\":7.5", "\"loadKg\":-1"))).startsWith("invalid field loadKg");
        assertThat(poisonReason(ok, setBody("\"CALF\",", "\"calf\","))).startsWith("invalid field exercise.bodyAreas");
        assertThat(poisonReason(ok, setBody("\"CALF\",", "42,"))).isEqualTo("invalid field exercise.bodyAreas: must be a string");
        assertThat(poisonReason(ok, setBody("\"STRENGTH\"", "\"" + "X".repeat(33) + "\"")))
                .startsWith("invalid field exercise.category");
        assertThat(poisonReason(ok, setBody("\"side\":\"LEFT\"", "\"side\":\"MIDDLE\""))).startsWith("invalid field side");
        assertThat(poisonReason(ok, setBody("America/New_York", "Mars/Olympus"))).startsWith("invalid field timezone");
        assertThat(poisonReason(ok, setBody("\"localDate\":\"2026-11-01\"", "\"localDate\":\"2026-02-30\"")))
                .startsWith("invalid field localDate");
        assertThat(poisonReason(ok, setBody("ana@example.org", "ana smith"))).startsWith("invalid field userId");
        assertThat(poisonReason(ok, setBody("\"33333333-3333-3333-3333-333333333333\"", "\"x\"")))
                .startsWith("invalid field exercise.id");
    }

    @Test
    void headersAreRequired() {
        Map<String, String> noType = headers("footing.set.completed.v1");
        noType.remove("ce_type");
        assertThat(poisonReason(noType, setBody(null, null))).isEqualTo("missing header ce_type");
        Map<String, String> noTime = headers("footing.set.completed.v1");
        noTime.put("ce_time", "yesterday");
        assertThat(poisonReason(noTime, setBody(null, null))).startsWith("invalid header ce_time");
        Map<String, String> wrongVersion = headers("footing.set.completed.v1");
        wrongVersion.put("ce_specversion", "0.3");
        assertThat(poisonReason(wrongVersion, setBody(null, null))).startsWith("invalid header ce_specversion");
        Map<String, String> otherId = headers("footing.set.completed.v1");
        otherId.put("ce_id", UUID.randomUUID().toString());
        assertThat(poisonReason(otherId, setBody(null, null))).startsWith("invalid header ce_id");
        Map<String, String> xml = headers("footing.set.completed.v1");
        xml.put("content-type", "application/xml");
        assertThat(poisonReason(xml, setBody(null, null))).startsWith("invalid header content-type");
    }

    @Test
    void contentTypeWithCharsetIsJson() {
        Map<String, String> headers = headers("footing.set.completed.v1");
        headers.put("content-type", "application/json; charset=utf-8");
        assertThatThrownBy(() -> PARSER.parse(headers, "{")).isInstanceOf(PoisonMessageException.class)
                .hasMessageStartingWith("not JSON");
    }

    @Test
    void aFieldGivenTwiceIsPoisonNotLastOneWins() {
        String twice = setBody("\"userId\":\"ana@example.org\"", "\"userId\":\"ana@example.org\",\"userId\":\"ben\"");
        assertThat(poisonReason(headers("footing.set.completed.v1"), twice)).startsWith("not JSON: Duplicate field 'userId'");
    }

    @Test
    void aBodyAreaOrCategoryStatsHasNeverHeardOfIsKeptUnderItsOwnName() {
        SetCompleted set = (SetCompleted) PARSER.parse(headers("footing.set.completed.v1"),
                setBody("\"CALF\",", "\"HIP_FLEXORS\",").replace("\"STRENGTH\"", "\"AQUA_THERAPY\""));
        assertThat(set.exercise().bodyAreas()).containsExactly(new BodyArea("HIP_FLEXORS"), BodyArea.ACHILLES);
        assertThat(set.exercise().bodyAreas().get(0).known()).isFalse();
        assertThat(set.exercise().category()).isEqualTo(new Category("AQUA_THERAPY"));
        assertThat(set.exercise().category().known()).isFalse();
        assertThat(Category.STRENGTH.known()).isTrue();
    }

    /** Fields stats does not read must still be JSON; numbers are judged by their JSON type, a load by its value. */
    @Test
    void unknownFieldsAreStillJsonAndNumbersAreJudgedByType() {
        Map<String, String> ok = headers("footing.set.completed.v1");
        assertThat(poisonReason(ok, setBody("\"someFutureField\":{\"x\":1}", "\"someFutureField\":{\"x\":[1,}")))
                .startsWith("not JSON");
        assertThat(poisonReason(ok, setBody("\"someFutureField\":{\"x\":1}", "\"someFutureField\":{\"x\":1,\"x\":2}")))
                .startsWith("not JSON: Duplicate field 'x'");
        assertThat(poisonReason(ok, "\"abc")).startsWith("not JSON");
        assertThat(poisonReason(ok, "42")).isEqualTo("not a JSON object");
        assertThat(poisonReason(ok, setBody("\"reps\":12", "\"reps\":12.0"))).isEqualTo("invalid field reps: must be an integer");
        assertThat(poisonReason(ok, setBody("\"reps\":12", "\"reps\":12345678901")))
                .isEqualTo("invalid field reps: must be an integer");
        assertThat(poisonReason(ok, setBody("\"reps\":12", "\"reps\":{\"n\":12}")))
                .isEqualTo("invalid field reps: must be an integer");
        assertThat(poisonReason(ok, setBody("\"unilateral\":true", "\"unilateral\":\"yes\"")))
                .isEqualTo("invalid field exercise.unilateral: must be true or false");
        assertThat(poisonReason(ok, setBody("\"exercise\":{", "\"exercise\":[],\"x\":{")))
                .isEqualTo("invalid field exercise: must be an object");
        // A load too large for a double was an exception that no retry could get past; it is poison like any other.
        assertThat(poisonReason(ok, setBody("\"loadKg\":7.5", "\"loadKg\":1e400")))
                .isEqualTo("invalid field loadKg: must be between 0 and 1000");
        SetCompleted trailingZero = (SetCompleted) PARSER.parse(ok, setBody("\"loadKg\":7.5", "\"loadKg\":7.50"));
        assertThat(trailingZero.loadKg()).isEqualTo(new BigDecimal("7.5"));
        SetCompleted exponent = (SetCompleted) PARSER.parse(ok, setBody("\"loadKg\":7.5", "\"loadKg\":1.25e1"));
        assertThat(exponent.loadKg()).isEqualTo(new BigDecimal("12.5"));
        SetCompleted integral = (SetCompleted) PARSER.parse(ok, setBody("\"loadKg\":7.5", "\"loadKg\":20"));
        assertThat(integral.loadKg()).isEqualTo(new BigDecimal("20"));
    }
}
