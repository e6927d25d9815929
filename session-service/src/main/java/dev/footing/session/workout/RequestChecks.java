package dev.footing.session.workout;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import dev.footing.common.problem.ProblemException;
import dev.footing.session.config.SessionConfig;
import dev.footing.session.exercise.ExerciseReplica;

/**
 * Every check of a write request, before anything is written: the field constraints of the request
 * records (Hibernate Validator), then the rules they cannot say ({@link SessionRules}, {@link SetRules}:
 * the exercise's measurement from the replica, the clock), then whether the session's program is in the
 * program replica. All problems are answered at once. The replicas' rows are read by the caller, with
 * the rest of what its write reads ({@link LockedRead}).
 */
@ApplicationScoped
public class RequestChecks {

    @Inject
    Validator validator;

    @Inject
    SessionConfig config;

    public void batchSize(int count) {
        if (count > config.maxSetsPerRequest()) {
            throw ProblemException.tooLarge(count + " sets in one request; at most " + config.maxSetsPerRequest() + " are accepted");
        }
    }

    /** The exercises the replica must describe for these sets' checks and events. */
    public static Set<UUID> exerciseIds(List<SetRequest> sets) {
        return sets.stream().filter(Objects::nonNull).map(SetRequest::exerciseId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /** A whole workout, with the replica's rows of its sets' exercises and whether its program is in the replica. */
    public void session(SessionRequest request, Map<UUID, ExerciseReplica> exercises, boolean programKnown, Instant now) {
        Violations violations = new Violations();
        violations.constraints("", validator.validate(request));
        SessionRules.check(request, now, violations);
        List<SetRequest> sets = request.sets() == null ? List.of() : request.sets();
        rules(sets, exercises, i -> "sets[" + i + "]", now, violations);
        if (request.programId() != null && !programKnown) {
            violations.unknownProgram("programId", request.programId());
        }
        violations.throwIfAny();
    }

    /** Sets added to a session, named in problems by {@code fieldPrefix} of their position. */
    public void sets(List<SetRequest> sets, Map<UUID, ExerciseReplica> exercises, IntFunction<String> fieldPrefix, Instant now) {
        Violations violations = new Violations();
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i) != null) {
                violations.constraints(fieldPrefix.apply(i), validator.validate(sets.get(i)));
            }
        }
        rules(sets, exercises, fieldPrefix, now, violations);
        violations.throwIfAny();
    }

    private static void rules(List<SetRequest> sets, Map<UUID, ExerciseReplica> exercises, IntFunction<String> prefix,
            Instant now, Violations violations) {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < sets.size(); i++) {
            SetRequest set = sets.get(i);
            ExerciseReplica exercise = set == null || set.exerciseId() == null ? null : exercises.get(set.exerciseId());
            SetRules.check(prefix.apply(i), set,
                    exercise == null ? null : new SetRules.Exercise(exercise.measurement, exercise.unilateral), now, violations);
            if (set != null && set.id() != null && !ids.add(set.id())) {
                violations.invalid(Violations.field(prefix.apply(i), "id"), "appears more than once in this request");
            }
        }
    }
}
