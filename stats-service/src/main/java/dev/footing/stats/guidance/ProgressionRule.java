package dev.footing.stats.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.footing.stats.event.Measurement;
import dev.footing.stats.event.Side;

/**
 * The progression rule of docs/architecture.md §9, a pure function of one user's counted sets of one
 * exercise. The sessions are replayed in a fixed order from the ladders' starts, so the answer depends
 * only on which sets exist, never on the order their events arrived in: a late set, a retraction or a
 * rebuild simply replays a different (or the same) history.
 *
 * <p>After each session: pain above 5 (Silbernagel's limit) holds, and a second such session in a row
 * steps back the last move (or falls back to the easier variation), as does each further one while the
 * pain goes on. Otherwise a session that met the
 * target on enough sets (on each leg, for unilateral work) counts as a success; after the required
 * consecutive successes the first ladder below its ceiling moves one step, then the load, and once
 * nothing can move the user graduates to the harder variation. Pain is only known for the session
 * itself: whether it settled by the next morning is never recorded, so it never blocks.
 */
public final class ProgressionRule {

    /** Pain up to 5/10 during exercise is acceptable (Silbernagel's pain-monitoring model). */
    static final int ACCEPTABLE_PAIN = 5;
    /** Consecutive painful sessions that make the rule step back. */
    static final int PAINFUL_SESSIONS_TO_REGRESS = 2;
    /** Successes before graduating when the progression has neither ladder nor load to take it from. */
    static final int DEFAULT_SUCCESSES_REQUIRED = 2;

    private ProgressionRule() {
    }

    /**
     * @param exercise the exercise trained
     * @param sets     its counted sets (at least one), in any order
     * @param next     the harder variation named by the progression, or null when the catalog does not know it
     * @param previous the easier variation, likewise
     */
    public static Guidance decide(Variation exercise, Collection<TrainedSet> sets, Variation next, Variation previous) {
        List<Session> sessions = sessions(sets);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("no sets to decide from");
        }
        Replay replay = new Replay(exercise, next, previous);
        Outcome last = null;
        for (Session session : sessions) {
            last = replay.after(session);
        }
        return new Guidance(last.target(), last.decision(), last.next(), last.why(), sessions.size(),
                sessions.get(sessions.size() - 1).date());
    }

    /** The target of a variation nobody has trained yet: every ladder at its start, no load. */
    public static Target startOf(Variation variation) {
        return new Replay(variation, null, null).target();
    }

    /** A session's sets, ordered by (its first set's local date, its first completedAt, its id). */
    record Session(UUID id, LocalDate date, Instant first, List<TrainedSet> sets) {
    }

    static List<Session> sessions(Collection<TrainedSet> sets) {
        Map<UUID, List<TrainedSet>> bySession = new LinkedHashMap<>();
        for (TrainedSet set : sets) {
            bySession.computeIfAbsent(set.sessionId(), id -> new ArrayList<>()).add(set);
        }
        List<Session> sessions = new ArrayList<>();
        bySession.forEach((id, of) -> sessions.add(new Session(id,
                of.stream().map(TrainedSet::localDate).min(Comparator.naturalOrder()).orElseThrow(),
                of.stream().map(TrainedSet::completedAt).min(Comparator.naturalOrder()).orElseThrow(), of)));
        sessions.sort(Comparator.comparing(Session::date).thenComparing(Session::first).thenComparing(Session::id));
        return sessions;
    }

    private record Outcome(Target target, Decision decision, Target next, Reason why) {
    }

    /** A step that moved, kept so that a regression undoes exactly it; {@code axis} null is the load. */
    private record Move(Axis axis, int fromValue, BigDecimal fromKg) {
    }

    /** How a session measured up; {@code shortSide} names the one leg that fell short while the other met the target. */
    private record Evaluation(boolean met, int maxPain, Side shortSide, int shortSideValue, int targetValue) {

        boolean painful() {
            return maxPain > ACCEPTABLE_PAIN;
        }
    }

    /** The state of one exercise while its sessions are replayed. */
    private static final class Replay {

        private final Variation exercise;
        private final Progression rule;
        private final Variation next;
        private final Variation previous;
        private final Map<Axis, Integer> values = new EnumMap<>(Axis.class);
        private BigDecimal loadKg = BigDecimal.ZERO;
        private final Deque<Move> moves = new ArrayDeque<>();
        private int successes;
        private int painfulInARow;
        private int previousPain;

        Replay(Variation exercise, Variation next, Variation previous) {
            this.exercise = exercise;
            this.rule = exercise.rule();
            this.next = next;
            this.previous = previous;
            for (Ladder ladder : rule.ladders()) {
                values.put(ladder.axis(), ladder.start());
            }
        }

        Target target() {
            Prescription prescription = exercise.prescription();
            int sets = values.getOrDefault(Axis.SETS, prescription.sets() == null ? 1 : prescription.sets());
            Integer reps = values.containsKey(Axis.REPS) ? values.get(Axis.REPS)
                    : exercise.measurement() == Measurement.REPS ? prescription.reps() : null;
            Integer hold = values.containsKey(Axis.HOLD_SECONDS) ? values.get(Axis.HOLD_SECONDS)
                    : exercise.measurement() == Measurement.DURATION ? prescription.holdSeconds() : null;
            return new Target(exercise.slug(), sets, reps, hold, loadKg, exercise.unilateral());
        }

        Outcome after(Session session) {
            Target target = target();
            Evaluation evaluation = evaluate(session, target);
            if (evaluation.painful()) {
                return afterPain(target, evaluation);
            }
            painfulInARow = 0;
            if (!evaluation.met()) {
                successes = 0;
                return hold(target, evaluation.shortSide() != null
                        ? Reason.of(ReasonCode.ONE_SIDE_SHORT, "side", evaluation.shortSide().name(),
                                "value", evaluation.shortSideValue(), "target", evaluation.targetValue())
                        : Reason.of(ReasonCode.TARGET_NOT_MET, "sessionsMet", 0, "sessionsRequired", required()));
            }
            successes++;
            int required = required();
            if (successes < required) {
                return hold(target, Reason.of(ReasonCode.TARGET_NOT_MET, "sessionsMet", successes, "sessionsRequired", required));
            }
            Ladder ladder = movableLadder();
            if (ladder != null) {
                int from = values.get(ladder.axis());
                int to = ladder.up(from);
                values.put(ladder.axis(), to);
                moves.push(new Move(ladder.axis(), from, null));
                Reason why = Reason.of(ReasonCode.TARGET_MET, "sessions", successes, "axis", ladder.axis().name(),
                        "from", from, "to", to);
                successes = 0;
                return new Outcome(target, Decision.PROGRESS, target(), why);
            }
            if (loadCanMove()) {
                BigDecimal from = loadKg;
                loadKg = rule.load().up(from);
                moves.push(new Move(null, 0, from));
                Reason why = Reason.of(ReasonCode.LOAD_STEP, "sessions", successes, "fromKg", from, "toKg", loadKg);
                successes = 0;
                return new Outcome(target, Decision.PROGRESS, target(), why);
            }
            // Nothing here can move any more; the successes keep counting so the answer stays put while
            // the user goes on with this variation.
            if (!exercise.hasRule()) {
                return hold(target, Reason.of(ReasonCode.NO_PROGRESSION));
            }
            if (rule.next() == null) {
                return hold(target, Reason.of(ReasonCode.AT_CEILING, "sessions", successes));
            }
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("sessions", successes);
            for (Ladder each : rule.ladders()) {
                numbers.put(each.axis().field(), values.get(each.axis()));
            }
            if (rule.load() != null) {
                numbers.put("loadKg", loadKg);
            }
            numbers.put("next", rule.next());
            return new Outcome(target, Decision.GRADUATE, variation(rule.next(), next),
                    new Reason(ReasonCode.TOP_OF_RANGE_REACHED, numbers));
        }

        private Outcome afterPain(Target target, Evaluation evaluation) {
            successes = 0;
            int pain = evaluation.maxPain();
            int before = previousPain;
            previousPain = pain;
            painfulInARow++;
            if (painfulInARow < PAINFUL_SESSIONS_TO_REGRESS) {
                return hold(target, Reason.of(ReasonCode.PAIN_ABOVE_FIVE, "sessions", painfulInARow, "maxPain", pain));
            }
            // Pain above 5 in the last two sessions steps back, so a third painful session in a row steps
            // back again (from the easier target): pain that goes on never waits for two sessions more.
            // maxPain: the worst of those two sessions.
            Reason why = Reason.of(ReasonCode.PAIN_ABOVE_FIVE, "sessions", PAINFUL_SESSIONS_TO_REGRESS, "maxPain",
                    Math.max(before, pain));
            if (!moves.isEmpty()) {
                Move last = moves.pop();
                if (last.axis() == null) {
                    loadKg = last.fromKg();
                } else {
                    values.put(last.axis(), last.fromValue());
                }
                return new Outcome(target, Decision.REGRESS, target(), why);
            }
            if (rule.previous() != null) {
                return new Outcome(target, Decision.REGRESS, variation(rule.previous(), previous), why);
            }
            return hold(target, why);
        }

        private Outcome hold(Target target, Reason why) {
            boolean painRelated = why.code() == ReasonCode.PAIN_ABOVE_FIVE;
            return new Outcome(target, Decision.HOLD, target,
                    exercise.hasRule() || painRelated ? why : Reason.of(ReasonCode.NO_PROGRESSION));
        }

        /** Consecutive successes the step that would move next asks for. */
        private int required() {
            Ladder ladder = movableLadder();
            if (ladder != null) {
                return ladder.successesRequired();
            }
            if (loadCanMove()) {
                return rule.load().successesRequired();
            }
            if (!rule.ladders().isEmpty()) {
                return rule.ladders().get(rule.ladders().size() - 1).successesRequired();
            }
            return rule.load() != null ? rule.load().successesRequired() : DEFAULT_SUCCESSES_REQUIRED;
        }

        private Ladder movableLadder() {
            for (Ladder ladder : rule.ladders()) {
                if (values.get(ladder.axis()) < ladder.ceiling()) {
                    return ladder;
                }
            }
            return null;
        }

        private boolean loadCanMove() {
            return rule.load() != null && !rule.load().atCeiling(loadKg);
        }

        private Evaluation evaluate(Session session, Target target) {
            int maxPain = session.sets().stream().filter(s -> s.pain() != null).mapToInt(TrainedSet::pain).max().orElse(-1);
            int targetValue = targetValue(target);
            List<TrainedSet> loaded = session.sets().stream().filter(s -> s.loadKg().compareTo(target.loadKg()) >= 0).toList();
            if (!target.perSide()) {
                return new Evaluation(kthBest(loaded, target.sets()) >= targetValue, maxPain, null, 0, targetValue);
            }
            int left = kthBest(onSide(loaded, Side.LEFT), target.sets());
            int right = kthBest(onSide(loaded, Side.RIGHT), target.sets());
            boolean leftMet = left >= targetValue;
            boolean rightMet = right >= targetValue;
            Side shortSide = leftMet == rightMet ? null : leftMet ? Side.RIGHT : Side.LEFT;
            return new Evaluation(leftMet && rightMet, maxPain, shortSide, Math.max(0, leftMet ? right : left), targetValue);
        }

        private int targetValue(Target target) {
            Integer value = exercise.measurement() == Measurement.DURATION ? target.holdSeconds() : target.reps();
            return value == null ? 0 : value;
        }

        /** The value the side reached on its k-th best set: k sets met a target exactly when this reaches it. */
        private int kthBest(List<TrainedSet> sets, int k) {
            List<Integer> best = sets.stream().map(this::value).sorted(Comparator.reverseOrder()).toList();
            return best.size() < k ? -1 : best.get(k - 1);
        }

        private int value(TrainedSet set) {
            Integer value = exercise.measurement() == Measurement.DURATION ? set.durationSeconds() : set.reps();
            return value == null ? 0 : value;
        }

        /** A set on BOTH legs (or one that names no side) works each of them. */
        private static List<TrainedSet> onSide(List<TrainedSet> sets, Side side) {
            return sets.stream().filter(s -> s.side() == null || s.side() == Side.BOTH || s.side() == side).toList();
        }
    }

    private static Target variation(String slug, Variation known) {
        return known != null ? startOf(known) : new Target(slug, 1, null, null, BigDecimal.ZERO, false);
    }
}
