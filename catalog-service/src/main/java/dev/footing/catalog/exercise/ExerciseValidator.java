package dev.footing.catalog.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.footing.common.problem.Problem.Violation;

/**
 * Every rule an exercise must satisfy, checked at once so one answer names every bad field.
 * Plain code rather than Bean Validation: the cross-field rules (a REPS exercise needs reps, a
 * range's max is not below its min) and the field names of list elements read better here.
 */
public final class ExerciseValidator {

    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_SLUG = 80;
    public static final int MAX_NAME = 120;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_LIST = 20;

    private ExerciseValidator() {
    }

    public static List<Violation> validate(ExerciseRequest r) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            v.add(new Violation("body", "is required: an exercise as JSON"));
            return v;
        }
        if (blank(r.slug())) {
            v.add(new Violation("slug", "is required"));
        } else if (r.slug().length() > MAX_SLUG || !SLUG.matcher(r.slug()).matches() || looksLikeUuid(r.slug())) {
            v.add(new Violation("slug", "must be kebab-case (a-z, 0-9 and single hyphens), at most " + MAX_SLUG
                    + " characters, and not shaped like a UUID"));
        }
        text(v, "name", r.name(), MAX_NAME);
        text(v, "summary", r.summary(), MAX_TEXT);
        texts(v, "instructions", r.instructions(), true);
        required(v, "category", r.category());
        if (r.bodyAreas() == null || r.bodyAreas().isEmpty()) {
            v.add(new Violation("bodyAreas", "must name at least one body area"));
        } else {
            noNulls(v, "bodyAreas", r.bodyAreas());
        }
        if (r.equipment() != null) {
            noNulls(v, "equipment", r.equipment());
            if (r.equipment().contains(Equipment.NONE) && r.equipment().stream().anyMatch(e -> e != null && e != Equipment.NONE)) {
                v.add(new Violation("equipment", "NONE cannot be combined with other equipment"));
            }
        }
        required(v, "difficulty", r.difficulty());
        required(v, "measurement", r.measurement());
        prescription(v, r.prescription(), r.measurement());
        texts(v, "cautions", r.cautions(), false);
        text(v, "source", r.source(), MAX_SOURCE);
        return v;
    }

    private static void prescription(List<Violation> v, Prescription p, Measurement measurement) {
        if (p == null) {
            v.add(new Violation("prescription", "is required"));
            return;
        }
        if (p.sets() == null) {
            v.add(new Violation("prescription.sets", "is required"));
        }
        range(v, "prescription.sets", p.sets(), "prescription.setsMax", p.setsMax(), 1, 20);
        range(v, "prescription.reps", p.reps(), "prescription.repsMax", p.repsMax(), 1, 1000);
        range(v, "prescription.holdSeconds", p.holdSeconds(), "prescription.holdSecondsMax", p.holdSecondsMax(), 1, 7200);
        if (p.restSeconds() != null && (p.restSeconds() < 0 || p.restSeconds() > 3600)) {
            v.add(new Violation("prescription.restSeconds", "must be between 0 and 3600"));
        }
        if (p.note() != null && p.note().length() > MAX_TEXT) {
            v.add(new Violation("prescription.note", "must be at most " + MAX_TEXT + " characters"));
        } else if (hasNul(p.note())) {
            v.add(new Violation("prescription.note", NUL_MESSAGE));
        }
        if (measurement == Measurement.REPS && p.reps() == null) {
            v.add(new Violation("prescription.reps", "is required for a REPS exercise"));
        }
        if (measurement == Measurement.DURATION && p.holdSeconds() == null) {
            v.add(new Violation("prescription.holdSeconds", "is required for a DURATION exercise"));
        }
        if (measurement == Measurement.DURATION && p.reps() != null) {
            v.add(new Violation("prescription.reps", "must be absent for a DURATION exercise (use holdSeconds)"));
        }
    }

    private static void range(List<Violation> v, String minField, Integer min, String maxField, Integer max, int low, int high) {
        if (min != null && (min < low || min > high)) {
            v.add(new Violation(minField, "must be between " + low + " and " + high));
        }
        if (max != null) {
            if (min == null) {
                v.add(new Violation(maxField, "needs " + minField.substring(minField.indexOf('.') + 1) + " as the low end of the range"));
            } else if (max < min || max > high) {
                v.add(new Violation(maxField, "must be between " + minField.substring(minField.indexOf('.') + 1) + " and " + high));
            }
        }
    }

    private static void text(List<Violation> v, String field, String value, int max) {
        if (blank(value)) {
            v.add(new Violation(field, "is required"));
        } else if (value.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        } else if (hasNul(value)) {
            v.add(new Violation(field, NUL_MESSAGE));
        }
    }

    /** PostgreSQL text cannot hold U+0000: refuse it here rather than fail in the database. */
    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    /** A slug shaped like a UUID would be read as an id in /api/exercises/{idOrSlug}. */
    private static boolean looksLikeUuid(String slug) {
        return Exercise.parseUuid(slug).isPresent();
    }

    private static void texts(List<Violation> v, String field, List<String> values, boolean required) {
        if (values == null || values.isEmpty()) {
            if (required) {
                v.add(new Violation(field, "must have at least one entry"));
            }
            return;
        }
        if (values.size() > MAX_LIST) {
            v.add(new Violation(field, "must have at most " + MAX_LIST + " entries"));
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (blank(value)) {
                v.add(new Violation(field + "[" + i + "]", "must not be blank"));
            } else if (value.length() > MAX_TEXT) {
                v.add(new Violation(field + "[" + i + "]", "must be at most " + MAX_TEXT + " characters"));
            } else if (hasNul(value)) {
                v.add(new Violation(field + "[" + i + "]", NUL_MESSAGE));
            }
        }
    }

    private static void noNulls(List<Violation> v, String field, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                v.add(new Violation(field + "[" + i + "]", "must not be null"));
            }
        }
    }

    private static void required(List<Violation> v, String field, Object value) {
        if (value == null) {
            v.add(new Violation(field, "is required"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
