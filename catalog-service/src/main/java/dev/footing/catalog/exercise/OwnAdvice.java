package dev.footing.catalog.exercise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.footing.catalog.progression.Progression;
import dev.footing.common.problem.Problem.Violation;

/**
 * {@code ownAdvice} marks which statements of an exercise are Footing's own advice rather than the
 * source's: each entry is a JSON Pointer (RFC 6901) into the exercise's own JSON, and marks that node
 * with everything beneath it. {@code ""} is the whole exercise (our own reading of a heading the source
 * only names), {@code "/cautions/1"} one caution, {@code "/prescription/sets"} a set count the source
 * does not give. Only statements can be marked (summary, instructions, prescription, progression,
 * cautions), and every pointer must name something this exercise has, so a client can trust it.
 */
final class OwnAdvice {

    private static final Pattern LIST_ITEM = Pattern.compile("/(instructions|cautions)(?:/(0|[1-9][0-9]?))?");
    private static final Set<String> PRESCRIPTION_FIELDS = Set.of("sets", "setsMax", "reps", "repsMax", "holdSeconds",
            "holdSecondsMax", "restSeconds", "note");
    private static final Pattern PROGRESSION = Pattern.compile("/progression(?:/(load|next|previous|ladders)(?:/(0|[1-9]))?)?");

    private OwnAdvice() {
    }

    static List<Violation> check(ExerciseRequest r) {
        List<Violation> v = new ArrayList<>();
        if (r.ownAdvice() == null) {
            return v;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.ownAdvice().size(); i++) {
            String pointer = r.ownAdvice().get(i);
            if (pointer == null) {
                continue; // the constraint names it
            }
            String field = "ownAdvice[" + i + "]";
            if (!seen.add(pointer)) {
                v.add(new Violation(field, "repeats " + quoted(pointer)));
            } else if (!resolves(pointer, r)) {
                v.add(new Violation(field, quoted(pointer) + " names no statement of this exercise (a JSON Pointer such as"
                        + " \"/cautions/0\", \"/prescription/sets\" or \"\" for the whole exercise)"));
            }
        }
        return v;
    }

    private static boolean resolves(String pointer, ExerciseRequest r) {
        if (pointer.isEmpty() || pointer.equals("/summary") || pointer.equals("/prescription")) {
            return true;
        }
        Matcher list = LIST_ITEM.matcher(pointer);
        if (list.matches()) {
            List<String> items = list.group(1).equals("instructions") ? r.instructions() : r.cautions();
            return list.group(2) == null || items != null && Integer.parseInt(list.group(2)) < items.size();
        }
        if (pointer.startsWith("/prescription/")) {
            String name = pointer.substring("/prescription/".length());
            return PRESCRIPTION_FIELDS.contains(name) && r.prescription() != null && present(r.prescription(), name);
        }
        Matcher progression = PROGRESSION.matcher(pointer);
        if (progression.matches()) {
            return r.progression() != null && present(r.progression(), progression.group(1), progression.group(2));
        }
        return false;
    }

    private static boolean present(Prescription p, String name) {
        return switch (name) {
            case "sets" -> p.sets() != null;
            case "setsMax" -> p.setsMax() != null;
            case "reps" -> p.reps() != null;
            case "repsMax" -> p.repsMax() != null;
            case "holdSeconds" -> p.holdSeconds() != null;
            case "holdSecondsMax" -> p.holdSecondsMax() != null;
            case "restSeconds" -> p.restSeconds() != null;
            default -> p.note() != null;
        };
    }

    private static boolean present(Progression p, String name, String index) {
        if (name == null) {
            return true;
        }
        if (index != null) {
            return name.equals("ladders") && p.ladders() != null && Integer.parseInt(index) < p.ladders().size();
        }
        return switch (name) {
            case "load" -> p.load() != null;
            case "next" -> p.next() != null;
            case "previous" -> p.previous() != null;
            default -> p.ladders() != null;
        };
    }

    private static String quoted(String pointer) {
        return "\"" + pointer + "\"";
    }
}
