package dev.footing.session.workout;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.footing.session.event.ExerciseRef;
import dev.footing.session.event.SessionCompleted;
import dev.footing.session.event.SetCompleted;
import dev.footing.session.event.SetRetracted;
import dev.footing.session.event.WorkoutEvent;
import dev.footing.session.exercise.ExerciseReplica;

/** The events that describe what a write did (docs/architecture.md §4), built from the rows it wrote. */
@ApplicationScoped
public class WorkoutEvents {

    private static final TypeReference<List<String>> BODY_AREAS = new TypeReference<>() {
    };

    /** Distinct body-area lists a catalog has; far fewer than this in practice. */
    private static final int BODY_AREA_LISTS_KEPT = 1_000;

    @Inject
    ObjectMapper json;

    /**
     * The replica keeps an exercise's body areas as the JSON the catalog sent; every event of a set
     * carries them as a list. Parsing that JSON on every request cost ~2 % of the set request's CPU,
     * so each distinct JSON text is parsed once. Keyed by the text itself, an exercise whose replica
     * row changes simply looks up its new text: nothing to invalidate.
     */
    private final LoadingCache<String, List<String>> bodyAreas = Caffeine.newBuilder()
            .maximumSize(BODY_AREA_LISTS_KEPT)
            .build(this::parseBodyAreas);

    /**
     * The events of new sets, each with its exercise as it stands in the replica now: events carry it
     * so consumers never need the catalog. Each exercise is described once, however many sets use it.
     */
    public List<SetCompleted> setsCompleted(WorkoutSession session, List<WorkoutSet> sets, Map<UUID, ExerciseReplica> exercises) {
        Map<UUID, ExerciseRef> refs = new HashMap<>();
        List<SetCompleted> events = new ArrayList<>(sets.size());
        for (WorkoutSet set : sets) {
            events.add(setCompleted(session, set, refs.computeIfAbsent(set.exerciseId, id -> exerciseRef(exercises.get(id)))));
        }
        return events;
    }

    private static SetCompleted setCompleted(WorkoutSession session, WorkoutSet set, ExerciseRef exercise) {
        return new SetCompleted(WorkoutEvent.eventId(SetCompleted.TYPE, set.id), session.userId, session.id,
                session.programId, set.id, exercise, set.reps, set.durationSeconds, set.loadKg,
                set.side == null ? null : set.side.name(), set.rpe, set.pain, set.completedAt, session.timezone,
                set.localDate);
    }

    public SetRetracted setRetracted(WorkoutSession session, WorkoutSet set) {
        return new SetRetracted(WorkoutEvent.eventId(SetRetracted.TYPE, set.id), session.userId, session.id, set.id,
                set.retractedAt);
    }

    public SessionCompleted sessionCompleted(WorkoutSession session) {
        return new SessionCompleted(WorkoutEvent.eventId(SessionCompleted.TYPE, session.id), session.userId, session.id,
                session.programId, session.completedAt, session.timezone);
    }

    private ExerciseRef exerciseRef(ExerciseReplica exercise) {
        List<String> areas;
        try {
            areas = bodyAreas.get(exercise.bodyAreas);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("replica row " + exercise.id + " has unreadable body areas", e.getCause());
        }
        return new ExerciseRef(exercise.id, exercise.slug, exercise.name, exercise.category, areas,
                exercise.measurement.name(), exercise.unilateral);
    }

    /** Unmodifiable, as the list is shared by every event that uses it. */
    private List<String> parseBodyAreas(String areasJson) {
        try {
            List<String> areas = json.readValue(areasJson, BODY_AREAS);
            return areas == null ? null : Collections.unmodifiableList(areas);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
