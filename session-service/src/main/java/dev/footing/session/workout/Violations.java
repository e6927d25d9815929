package dev.footing.session.workout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

import dev.footing.common.problem.Problem;
import dev.footing.common.problem.ProblemException;

/**
 * Collects every problem of a request before answering, so a client sees all its mistakes at once.
 * Invalid fields (400) are reported before unknown exercises (422): an unknown exercise may simply
 * not have reached this service's replica yet, while an invalid field will never become valid. An
 * unknown program (422, a problem type of its own) comes last, for the same reason.
 */
public final class Violations {

    private final List<Problem.Violation> invalid = new ArrayList<>();
    private final List<Problem.Violation> unknownExercises = new ArrayList<>();
    private final List<Problem.Violation> unknownPrograms = new ArrayList<>();

    public void invalid(String field, String message) {
        invalid.add(new Problem.Violation(field, message));
    }

    /**
     * Violated field constraints (Hibernate Validator), each named by its path under {@code prefix}:
     * {@code sets[3].reps} in a whole workout, {@code [3].reps} in a batch, {@code reps} alone.
     */
    public void constraints(String prefix, Set<? extends ConstraintViolation<?>> found) {
        found.stream()
                .map(v -> new Problem.Violation(field(prefix, v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .forEach(invalid::add);
    }

    public void unknownExercise(String field, UUID exerciseId) {
        unknownExercises.add(new Problem.Violation(field, "unknown exercise " + exerciseId));
    }

    public void unknownProgram(String field, UUID programId) {
        unknownPrograms.add(new Problem.Violation(field, "unknown program " + programId));
    }

    public List<Problem.Violation> invalid() {
        return List.copyOf(invalid);
    }

    public List<Problem.Violation> unknownExercises() {
        return List.copyOf(unknownExercises);
    }

    public boolean isEmpty() {
        return invalid.isEmpty() && unknownExercises.isEmpty() && unknownPrograms.isEmpty();
    }

    public void throwIfAny() {
        if (!invalid.isEmpty()) {
            throw ProblemException.badRequest(detail(invalid), invalid());
        }
        if (!unknownExercises.isEmpty()) {
            throw new ProblemException(new Problem(ProblemException.type("unknown-exercise"), "Unknown exercise", 422,
                    detail(unknownExercises), unknownExercises()));
        }
        if (!unknownPrograms.isEmpty()) {
            throw new ProblemException(new Problem(ProblemException.type("unknown-program"), "Unknown program", 422,
                    detail(unknownPrograms), List.copyOf(unknownPrograms)));
        }
    }

    static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String detail(List<Problem.Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
