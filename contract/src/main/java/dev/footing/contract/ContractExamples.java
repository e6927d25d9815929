package dev.footing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Every example of the event contract, one file each under {@code contract/<topic>/<name>.json} on
 * the classpath: {@code {"key": ..., "headers": {...}, "value": {...}}}. The producer's tests assert
 * that what it publishes matches them, the consumer's tests parse every one of them, so the
 * contract is written once and both sides are held to it.
 *
 * <p>The list is an enum rather than a directory scan: a classpath directory cannot be listed
 * portably inside a jar, and this module's own test checks that every file is listed.
 */
public enum ContractExamples {

    /** {@code footing.set.completed.v1}: a REPS set with a load and an RPE, two-legged (no side). */
    SET_COMPLETED(Topics.WORKOUT_EVENTS, "set-completed"),
    /** {@code footing.set.completed.v1}: a DURATION set held with a load, on the left leg, without RPE. */
    SET_COMPLETED_DURATION_WITH_LOAD(Topics.WORKOUT_EVENTS, "set-completed-duration-with-load"),
    /** {@code footing.set.completed.v1}: an exercise with a body area newer than the consumer (kept, not refused). */
    SET_COMPLETED_UNKNOWN_BODY_AREA(Topics.WORKOUT_EVENTS, "set-completed-unknown-body-area"),
    /**
     * {@code footing.set.completed.v1} with the optional fields added later: the pain felt (0-10) and the
     * session's program. The examples above, without them, are events as published before and stay valid.
     */
    SET_COMPLETED_WITH_PAIN_AND_PROGRAM(Topics.WORKOUT_EVENTS, "set-completed-with-pain-and-program"),
    /** {@code footing.set.retracted.v1}: a correction, the set no longer counts. */
    SET_RETRACTED(Topics.WORKOUT_EVENTS, "set-retracted"),
    /** {@code footing.session.completed.v1}. */
    SESSION_COMPLETED(Topics.WORKOUT_EVENTS, "session-completed"),
    /** {@code footing.session.completed.v1} of a session that names its program (an optional field added later). */
    SESSION_COMPLETED_WITH_PROGRAM(Topics.WORKOUT_EVENTS, "session-completed-with-program"),
    /**
     * An exercise's current state, exactly the JSON {@code GET /api/exercises/{id}} answers, with its
     * {@code progression} (a REPS ladder 30 -> 40) and {@code ownAdvice} (JSON Pointers to the statements
     * that are Footing's own rather than the source's).
     */
    EXERCISE_SNAPSHOT(Topics.EXERCISE_CATALOG, "exercise-snapshot"),
    /** A retired exercise: still published (history refers to it), {@code retired: true}; no progression. */
    EXERCISE_SNAPSHOT_RETIRED(Topics.EXERCISE_CATALOG, "exercise-snapshot-retired"),
    /**
     * A program's current state: its items by exercise id and slug with the program's prescription, and
     * {@code sessionsPerWeek} where the source gives a number (null otherwise).
     */
    PROGRAM_SNAPSHOT(Topics.PROGRAM_CATALOG, "program-snapshot");

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String topic;
    private final String fileName;

    ContractExamples(String topic, String fileName) {
        this.topic = topic;
        this.fileName = fileName;
    }

    public String topic() {
        return topic;
    }

    /** The file name without {@code .json}, e.g. {@code set-completed}. */
    public String fileName() {
        return fileName;
    }

    /** The classpath resource, e.g. {@code contract/workout-events/set-completed.json}. */
    public String resource() {
        return "contract/" + topic + "/" + fileName + ".json";
    }

    public ContractExample load() {
        try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException(resource() + " is missing from the classpath");
            }
            JsonNode file = JSON.readTree(in);
            Map<String, String> headers = new LinkedHashMap<>();
            file.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().textValue()));
            return new ContractExample(this, file.path("key").textValue(), Collections.unmodifiableMap(headers), file.get("value"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource(), e);
        }
    }

    public static List<ContractExample> all() {
        return Arrays.stream(values()).map(ContractExamples::load).toList();
    }

    public static List<ContractExample> onTopic(String topic) {
        return Arrays.stream(values()).filter(e -> e.topic.equals(topic)).map(ContractExamples::load).toList();
    }
}
