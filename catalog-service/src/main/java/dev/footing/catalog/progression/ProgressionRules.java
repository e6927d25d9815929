package dev.footing.catalog.progression;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.footing.common.problem.Problem.Violation;

/**
 * The rules of one exercise's progression that its own request can tell (answered 400 with the other
 * field errors): a ladder climbs ({@code start <= ceiling}), one ladder per axis, a REPS ladder only on a
 * REPS exercise and a HOLD_SECONDS ladder only on a DURATION one, a load ceiling not below one step,
 * and a rule that says something. The field limits themselves are constraints on {@link Ladder} and
 * {@link LoadStep}. Links to other exercises need the catalog: {@link ProgressionGraph}.
 */
public final class ProgressionRules {

    private ProgressionRules() {
    }

    /**
     * @param measured what one set of the exercise counts: {@link Axis#REPS} for a REPS exercise,
     *                 {@link Axis#HOLD_SECONDS} for a DURATION one (kept as an axis so this package needs
     *                 nothing from the exercise package)
     */
    public static List<Violation> check(Progression p, Axis measured) {
        List<Violation> v = new ArrayList<>();
        if (p == null) {
            return v;
        }
        boolean hasLadder = p.ladders() != null && !p.ladders().isEmpty();
        if (!hasLadder && p.load() == null && p.next() == null && p.previous() == null) {
            v.add(new Violation("progression", "must carry a ladder, a load step or a variation (or be null)"));
        }
        if (p.ladders() != null) {
            Set<Axis> seen = EnumSet.noneOf(Axis.class);
            for (int i = 0; i < p.ladders().size(); i++) {
                ladder(v, "progression.ladders[" + i + "]", p.ladders().get(i), measured, seen);
            }
        }
        LoadStep load = p.load();
        if (load != null && load.stepKg() != null && load.ceilingKg() != null
                && load.ceilingKg().compareTo(load.stepKg()) < 0) {
            v.add(new Violation("progression.load.ceilingKg", "must be at least stepKg"));
        }
        if (p.next() != null && !hasLadder && p.load() == null) {
            v.add(new Violation("progression.next", "needs a ladder or a load step: they say after how many successful"
                    + " sessions to move on"));
        }
        if (p.next() != null && p.next().equals(p.previous())) {
            v.add(new Violation("progression.previous", "must differ from next"));
        }
        return v;
    }

    private static void ladder(List<Violation> v, String field, Ladder ladder, Axis measured, Set<Axis> seen) {
        if (ladder == null || ladder.axis() == null) {
            return; // the constraints name it
        }
        if (!seen.add(ladder.axis())) {
            v.add(new Violation(field + ".axis", "only one ladder per axis (" + ladder.axis() + " repeats)"));
        }
        if (ladder.axis() == Axis.REPS && measured == Axis.HOLD_SECONDS) {
            v.add(new Violation(field + ".axis", "a REPS ladder needs a REPS exercise"));
        }
        if (ladder.axis() == Axis.HOLD_SECONDS && measured == Axis.REPS) {
            v.add(new Violation(field + ".axis", "a HOLD_SECONDS ladder needs a DURATION exercise"));
        }
        if (ladder.axis() == Axis.SETS && ladder.ceiling() != null && ladder.ceiling() > 20) {
            v.add(new Violation(field + ".ceiling", "must be at most 20 for SETS (a prescription's limit)"));
        }
        if (ladder.axis() == Axis.REPS && ladder.ceiling() != null && ladder.ceiling() > 1000) {
            v.add(new Violation(field + ".ceiling", "must be at most 1000 for REPS (a prescription's limit)"));
        }
        if (ladder.start() != null && ladder.ceiling() != null && ladder.start() > ladder.ceiling()) {
            v.add(new Violation(field + ".ceiling", "must be at least start"));
        }
    }

    /** The ladder of an axis, or null. */
    public static Ladder ladder(Progression p, Axis axis) {
        return p == null || p.ladders() == null ? null
                : p.ladders().stream().filter(l -> l.axis() == axis).findFirst().orElse(null);
    }
}
