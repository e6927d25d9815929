package dev.footing.session.workout;

import static dev.footing.session.workout.Violations.field;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.footing.session.exercise.Measurement;

/**
 * The rules of a set that its field constraints cannot say (docs/architecture.md §3): measured as
 * its exercise is, a side for a unilateral exercise, not in the future, as plain values in,
 * violations out.
 */
public final class SetRules {

    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Nobody logged a set before this; far older instants would not even fit PostgreSQL (a 500, not a 400). */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final String EARLIEST_RULE = "must not be before " + EARLIEST;
    public static final int MAX_REPS = 1000;
    public static final int MAX_DURATION_SECONDS = 7200;
    public static final int MAX_LOAD_DECIMALS = 2;

    /** What a set's rules need to know about its exercise. */
    public record Exercise(Measurement measurement, boolean unilateral) {
    }

    private SetRules() {
    }

    /**
     * @param exercise the exercise from the replica, or null when the replica does not know it
     */
    public static void check(String prefix, SetRequest set, Exercise exercise, Instant now, Violations violations) {
        if (set == null) {
            violations.invalid(prefix.isEmpty() ? "body" : prefix, "must be a set object");
            return;
        }
        // Ranges and required fields are constraints on SetRequest; a load's decimals count once trailing zeros are dropped.
        if (set.loadKg() != null && normalizeLoad(set.loadKg()).scale() > MAX_LOAD_DECIMALS) {
            violations.invalid(field(prefix, "loadKg"), "must have at most " + MAX_LOAD_DECIMALS + " decimals");
        }
        if (set.completedAt() != null && set.completedAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            violations.invalid(field(prefix, "completedAt"), "must not be more than 5 minutes in the future");
        } else if (set.completedAt() != null && set.completedAt().isBefore(EARLIEST)) {
            violations.invalid(field(prefix, "completedAt"), EARLIEST_RULE);
        }
        if (set.exerciseId() == null) {
            return; // a violated constraint of SetRequest
        }
        if (exercise == null) {
            violations.unknownExercise(field(prefix, "exerciseId"), set.exerciseId());
            return;
        }
        checkMeasurement(prefix, set, exercise.measurement(), violations);
        if (exercise.unilateral() && set.side() == null) {
            violations.invalid(field(prefix, "side"), "is required for a unilateral exercise (LEFT, RIGHT or BOTH)");
        }
    }

    private static void checkMeasurement(String prefix, SetRequest set, Measurement measurement, Violations violations) {
        switch (measurement) {
            case REPS -> {
                if (set.reps() == null) {
                    violations.invalid(field(prefix, "reps"), "is required: this exercise is measured in reps");
                }
                if (set.durationSeconds() != null) {
                    violations.invalid(field(prefix, "durationSeconds"), "must be absent: this exercise is measured in reps");
                }
            }
            case DURATION -> {
                if (set.durationSeconds() == null) {
                    violations.invalid(field(prefix, "durationSeconds"), "is required: this exercise is measured in seconds held");
                }
                if (set.reps() != null) {
                    violations.invalid(field(prefix, "reps"), "must be absent: this exercise is measured in seconds held");
                }
            }
        }
    }

    /** 12.50 and 12.5 are one load; 0 when absent. */
    public static BigDecimal normalizeLoad(BigDecimal loadKg) {
        if (loadKg == null || loadKg.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = loadKg.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Whether a re-sent set is the one already stored. A field the client left out took a default
     * the first time (completedAt: the time of receipt), so it is not compared.
     */
    public static boolean sameContent(WorkoutSet stored, SetRequest sent) {
        return Objects.equals(stored.exerciseId, sent.exerciseId())
                && Objects.equals(stored.reps, sent.reps())
                && Objects.equals(stored.durationSeconds, sent.durationSeconds())
                && normalizeLoad(stored.loadKg).compareTo(normalizeLoad(sent.loadKg())) == 0
                && stored.side == sent.side()
                && Objects.equals(stored.rpe, sent.rpe())
                && Objects.equals(stored.pain, sent.pain())
                && (sent.completedAt() == null || stored.completedAt.equals(sent.completedAt()));
    }
}
