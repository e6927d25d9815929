package dev.footing.catalog.exercise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import dev.footing.catalog.progression.Axis;
import dev.footing.catalog.progression.ProgressionRules;
import dev.footing.common.problem.Problem.Violation;

/**
 * Every rule an exercise must satisfy, checked at once so one answer names every bad field: the
 * field constraints declared on {@link ExerciseRequest} and {@link Prescription} (Hibernate
 * Validator), plus the rules no constraint can say because they look at several fields (a REPS
 * exercise needs reps, a range's max is not below its min, NONE stands alone) or parse a value
 * (a slug must not read as an id), the progression's own rules ({@link ProgressionRules}) and the
 * {@link OwnAdvice} pointers. Links to other exercises need the catalog: the service checks those.
 *
 * <p>Called by the service rather than through {@code @Valid} on the resource: a constraint
 * failure there would answer before the rules across fields ran, and the answer would name only
 * half of what is wrong.
 */
@ApplicationScoped
public class ExerciseValidator {

    public static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final int MAX_SLUG = 80;
    public static final int MAX_NAME = 120;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_LIST = 20;
    public static final int MAX_OWN_ADVICE = 60;

    static final String REQUIRED = "is required";
    static final String BETWEEN = "must be between {min} and {max}";
    static final String TOO_LONG = "must be at most {max} characters";
    /** PostgreSQL text cannot hold U+0000: refuse it here rather than fail in the database. */
    static final String NO_NUL = "[^\\x00]*";
    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private final Validator validator;

    public ExerciseValidator(Validator validator) {
        this.validator = validator;
    }

    public List<Violation> validate(ExerciseRequest r) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            v.add(new Violation("body", "is required: an exercise as JSON"));
            return v;
        }
        for (ConstraintViolation<ExerciseRequest> violation : validator.validate(r)) {
            v.add(new Violation(field(violation.getPropertyPath()), violation.getMessage()));
        }
        if (r.slug() != null && Exercise.parseUuid(r.slug()).isPresent()) {
            v.add(new Violation("slug", "must not be shaped like a UUID (it would be read as an id)"));
        }
        if (r.equipment() != null && r.equipment().contains(Equipment.NONE)
                && r.equipment().stream().anyMatch(e -> e != null && e != Equipment.NONE)) {
            v.add(new Violation("equipment", "NONE cannot be combined with other equipment"));
        }
        if (r.prescription() != null) {
            prescription(v, r.prescription(), r.measurement());
        }
        if (r.measurement() != null) {
            v.addAll(ProgressionRules.check(r.progression(),
                    r.measurement() == Measurement.REPS ? Axis.REPS : Axis.HOLD_SECONDS));
        }
        v.addAll(OwnAdvice.check(r));
        v.sort(Comparator.comparing(Violation::field));
        return v;
    }

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    private static void prescription(List<Violation> v, Prescription p, Measurement measurement) {
        rangeMax(v, "sets", p.sets(), "setsMax", p.setsMax(), 20);
        rangeMax(v, "reps", p.reps(), "repsMax", p.repsMax(), 1000);
        rangeMax(v, "holdSeconds", p.holdSeconds(), "holdSecondsMax", p.holdSecondsMax(), 7200);
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

    private static void rangeMax(List<Violation> v, String minField, Integer min, String maxField, Integer max, int high) {
        if (max == null) {
            return;
        }
        if (min == null) {
            v.add(new Violation("prescription." + maxField, "needs " + minField + " as the low end of the range"));
        } else if (max < min || max > high) {
            v.add(new Violation("prescription." + maxField, "must be between " + minField + " and " + high));
        }
    }

    /** {@code instructions[1]}, {@code prescription.sets}: the body's own names, as the client wrote them. */
    private static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
