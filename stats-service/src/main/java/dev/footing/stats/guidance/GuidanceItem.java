package dev.footing.stats.guidance;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One exercise's guidance as the API answers it (docs/architecture.md §9). */
public record GuidanceItem(ExerciseName exercise, Target target, Decision decision, Target next, Map<String, Object> why,
        BasedOn basedOn) {

    public record ExerciseName(UUID id, String slug, String name) {
    }

    /** How many sessions of the exercise the answer replayed, and the local date of the last one. */
    public record BasedOn(int sessions, LocalDate lastSession) {
    }
}
