package dev.footing.stats.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.common.user.UserIds;

/**
 * Turns one Kafka record (CloudEvents binary mode: {@code ce_*} headers, JSON body) into a
 * {@link WorkoutEvent}, or refuses it with a {@link PoisonMessageException} whose reason names
 * what is wrong. Unknown body fields are ignored so producers can add fields.
 */
@ApplicationScoped
public class EventParser {

    private final ObjectMapper json;

    /** Quarkus' own mapper (common's StrictJson): a key given twice in an event is poison, not "last one wins". */
    @Inject
    public EventParser(ObjectMapper json) {
        this.json = json;
    }

    public WorkoutEvent parse(Map<String, String> headers, String value) {
        return parse(headers, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The record's value as it came (UTF-8): parsed straight from the bytes, with no String in between. */
    public WorkoutEvent parse(Map<String, String> headers, byte[] value) {
        String specVersion = header(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new PoisonMessageException("invalid header ce_specversion: " + specVersion + " (expected 1.0)");
        }
        String ceType = header(headers, "ce_type");
        EventType type = EventType.ofCeType(ceType)
                .orElseThrow(() -> new PoisonMessageException("unknown ce_type: " + ceType));
        String ceId = header(headers, "ce_id");
        header(headers, "ce_source");
        Instant eventTime = instantHeader(headers, "ce_time");
        String contentType = headers.get("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new PoisonMessageException("invalid header content-type: " + contentType + " (expected application/json)");
        }
        if (value == null || isBlank(value)) {
            throw new PoisonMessageException("empty body");
        }
        JsonNode body;
        try {
            body = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading an array in memory: cannot happen
        }
        if (body == null || !body.isObject()) {
            throw new PoisonMessageException("not a JSON object");
        }
        UUID eventId = uuid(body, "eventId");
        // The body's id is canonical (uuid above): comparing its text says what comparing the UUIDs' forms did.
        if (!body.get("eventId").textValue().equalsIgnoreCase(ceId.trim())) {
            throw new PoisonMessageException("invalid header ce_id: " + ceId + " does not match eventId " + eventId);
        }
        String userId = text(body, "userId");
        if (!UserIds.isValid(userId)) {
            throw new PoisonMessageException("invalid field userId: must be 1-64 characters of [A-Za-z0-9._@-]");
        }
        return switch (type) {
            case SET_COMPLETED -> setCompleted(body, eventId, userId, eventTime);
            case SET_RETRACTED -> new SetRetracted(eventId, userId, eventTime, uuid(body, "sessionId"),
                    uuid(body, "setId"), instant(body, "retractedAt"));
            case SESSION_COMPLETED -> new SessionCompleted(eventId, userId, eventTime, uuid(body, "sessionId"),
                    instant(body, "completedAt"), zone(body, "timezone"), optionalUuid(body, "programId"));
        };
    }

    private static SetCompleted setCompleted(JsonNode body, UUID eventId, String userId, Instant eventTime) {
        JsonNode exercise = body.get("exercise");
        if (exercise == null || exercise.isNull()) {
            throw missing("exercise");
        }
        if (!exercise.isObject()) {
            throw invalid("exercise", "must be an object");
        }
        Measurement measurement = enumOf(Measurement.class, exercise, "exercise.measurement", "measurement");
        ExerciseRef ref = new ExerciseRef(uuid(exercise, "exercise.id", "id"), text(exercise, "exercise.slug", "slug"),
                text(exercise, "exercise.name", "name"), category(exercise),
                bodyAreas(exercise), measurement, bool(exercise, "exercise.unilateral", "unilateral"));
        Integer reps = optionalInt(body, "reps", 1, 1000);
        Integer durationSeconds = optionalInt(body, "durationSeconds", 1, 7200);
        if (measurement == Measurement.REPS && reps == null) {
            throw missing("reps");
        }
        if (measurement == Measurement.DURATION && durationSeconds == null) {
            throw missing("durationSeconds");
        }
        BigDecimal loadKg = loadKg(body);
        Side side = optionalEnum(Side.class, body, "side");
        Integer rpe = optionalInt(body, "rpe", 1, 10);
        Integer pain = optionalInt(body, "pain", 0, 10);
        String localDateText = text(body, "localDate");
        LocalDate localDate;
        try {
            localDate = IsoTimes.localDate(localDateText);
        } catch (DateTimeException e) {
            throw invalid("localDate", "not a date (YYYY-MM-DD): " + localDateText);
        }
        return new SetCompleted(eventId, userId, eventTime, uuid(body, "sessionId"), uuid(body, "setId"), ref,
                measurement == Measurement.REPS ? reps : null, measurement == Measurement.DURATION ? durationSeconds : null,
                loadKg, side, rpe, instant(body, "completedAt"), zone(body, "timezone"), localDate, pain,
                optionalUuid(body, "programId"));
    }

    private static boolean isBlank(byte[] value) {
        for (byte b : value) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("missing header " + name);
        }
        return value;
    }

    private static Instant instantHeader(Map<String, String> headers, String name) {
        String value = header(headers, name);
        try {
            return IsoTimes.instant(value.trim());
        } catch (DateTimeException e) {
            throw new PoisonMessageException("invalid header " + name + ": not an ISO-8601 instant: " + value);
        }
    }

    private static List<BodyArea> bodyAreas(JsonNode exercise) {
        JsonNode node = exercise.get("bodyAreas");
        if (node == null || node.isNull()) {
            throw missing("exercise.bodyAreas");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw invalid("exercise.bodyAreas", "must be a non-empty array");
        }
        List<BodyArea> areas = new ArrayList<>();
        for (JsonNode area : node) {
            BodyArea parsed = openName(BodyArea::new, "exercise.bodyAreas", area);
            if (!areas.contains(parsed)) {
                areas.add(parsed);
            }
        }
        return List.copyOf(areas);
    }

    private static Category category(JsonNode exercise) {
        JsonNode node = exercise.get("category");
        if (node == null || node.isNull()) {
            throw missing("exercise.category");
        }
        return openName(Category::new, "exercise.category", node);
    }

    /** Open lists: a value stats has not heard of is kept (see {@link OpenName}), only a malformed one is poison. */
    private static <T> T openName(Function<String, T> type, String path, JsonNode value) {
        if (!value.isTextual()) {
            throw invalid(path, "must be a string");
        }
        try {
            return type.apply(value.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private static BigDecimal loadKg(JsonNode body) {
        JsonNode node = body.get("loadKg");
        if (node == null || node.isNull()) {
            return BigDecimal.ZERO;
        }
        if (!node.isNumber()) {
            throw invalid("loadKg", "must be a number");
        }
        if (!Double.isFinite(node.doubleValue())) {
            // Too large for a double (1e400): the tree holds infinity, which has no decimal value (decimalValue
            // would throw, and the batch would be retried forever rather than the event dead-lettered).
            throw invalid("loadKg", "must be between 0 and 1000");
        }
        BigDecimal load = node.decimalValue();
        if (load.signum() < 0 || load.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw invalid("loadKg", "must be between 0 and 1000");
        }
        return load;
    }

    private static Integer optionalInt(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid(field, "must be an integer");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private static <E extends Enum<E>> E optionalEnum(Class<E> type, JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : parseEnum(type, field, node);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(path);
        }
        return parseEnum(type, path, value);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String path, JsonNode value) {
        if (!value.isTextual()) {
            throw invalid(path, "must be a string");
        }
        try {
            return Enum.valueOf(type, value.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(path, "unknown value " + value.textValue());
        }
    }

    private static boolean bool(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(path);
        }
        if (!value.isBoolean()) {
            throw invalid(path, "must be true or false");
        }
        return value.booleanValue();
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(path);
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw invalid(path, "must be a non-empty string");
        }
        return value.textValue();
    }

    private static UUID uuid(JsonNode node, String field) {
        return uuid(node, field, field);
    }

    private static UUID uuid(JsonNode node, String path, String field) {
        String value = text(node, path, field);
        // Only the canonical form (8-4-4-4-12 hex digits, either case), which UUID.fromString does not
        // require by itself ("1-2-3-4-5" is a UUID to it). Checked on the text rather than by formatting
        // the parsed UUID again and comparing: that was a string per id, five ids an event.
        if (!isCanonicalUuid(value)) {
            throw invalid(path, "not a UUID: " + value);
        }
        return UUID.fromString(value);
    }

    /** 36 characters, dashes at 8, 13, 18 and 23, hex digits elsewhere. */
    static boolean isCanonicalUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** An added field: absent or null in events older than it. */
    private static UUID optionalUuid(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : uuid(node, field);
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return IsoTimes.instant(value);
        } catch (DateTimeException e) {
            throw invalid(field, "not an ISO-8601 instant: " + value);
        }
    }

    private static String zone(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw invalid(field, "not a time zone: " + value);
        }
    }

    private static PoisonMessageException missing(String field) {
        return new PoisonMessageException("missing field " + field);
    }

    private static PoisonMessageException invalid(String field, String message) {
        return new PoisonMessageException("invalid field " + field + ": " + message);
    }
}
