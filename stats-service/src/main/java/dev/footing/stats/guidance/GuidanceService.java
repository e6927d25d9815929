package dev.footing.stats.guidance;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.stats.catalog.CatalogExercise;
import dev.footing.stats.catalog.CatalogReplica;

/**
 * Guidance for a user: their counted sets of each exercise through {@link ProgressionRule}, with the rule and
 * the variations from the catalog replica. Computed at query time from the facts, like every other number, so
 * late events and a rebuild change the answer exactly as they change the facts.
 */
@ApplicationScoped
public class GuidanceService {

    private static final Logger LOG = Logger.getLogger(GuidanceService.class);

    @Inject
    TrainedSets trainedSets;

    @Inject
    CatalogReplica catalog;

    @Inject
    ObjectMapper json;

    /** Most recently trained first (then by slug). */
    public List<GuidanceItem> all(String userId) {
        return decide(trainedSets.of(userId, null, null)).stream()
                .sorted(Comparator.comparing((GuidanceItem item) -> item.basedOn().lastSession()).reversed()
                        .thenComparing(item -> item.exercise().slug()))
                .toList();
    }

    /** The exercise by catalog id or slug; empty when the user never trained it. */
    public Optional<GuidanceItem> one(String userId, String exerciseIdOrSlug) {
        UUID id = uuidOrNull(exerciseIdOrSlug);
        List<TrainedSets.OfExercise> trained = id != null ? trainedSets.of(userId, id, null)
                : trainedSets.of(userId, null, exerciseIdOrSlug);
        return decide(trained).stream().findFirst();
    }

    private List<GuidanceItem> decide(List<TrainedSets.OfExercise> trained) {
        if (trained.isEmpty()) {
            return List.of();
        }
        List<CatalogExercise> known = catalog.exercises();
        // Retired entries come last in the replica's order, so a slug names its live exercise when there is one.
        Map<UUID, CatalogExercise> byId = known.stream().collect(Collectors.toMap(CatalogExercise::id, Function.identity()));
        Map<String, CatalogExercise> bySlug = known.stream()
                .collect(Collectors.toMap(CatalogExercise::slug, Function.identity(), (first, later) -> first));
        return trained.stream().map(exercise -> decide(exercise, byId.get(exercise.id()), bySlug)).toList();
    }

    private GuidanceItem decide(TrainedSets.OfExercise trained, CatalogExercise inCatalog,
            Map<String, CatalogExercise> bySlug) {
        Variation exercise = inCatalog != null ? variation(inCatalog)
                // Not (yet) in the replica: what the sets say, and no rule.
                : new Variation(trained.slug(), trained.measurement(), trained.unilateral(), null, null);
        Progression rule = exercise.progression() == null ? Progression.NONE : exercise.progression();
        if (retired(bySlug.get(rule.next())) || retired(bySlug.get(rule.previous()))) {
            // The catalog's word (docs/architecture.md §9): a retired variation is no variation.
            rule = new Progression(rule.ladders(), rule.load(), retired(bySlug.get(rule.next())) ? null : rule.next(),
                    retired(bySlug.get(rule.previous())) ? null : rule.previous());
            exercise = new Variation(exercise.slug(), exercise.measurement(), exercise.unilateral(), exercise.prescription(),
                    rule);
        }
        Guidance guidance = ProgressionRule.decide(exercise, trained.sets(), variation(bySlug.get(rule.next())),
                variation(bySlug.get(rule.previous())));
        return new GuidanceItem(new GuidanceItem.ExerciseName(trained.id(), trained.slug(), trained.name()),
                guidance.target(), guidance.decision(), guidance.next(), guidance.why().asJson(),
                new GuidanceItem.BasedOn(guidance.sessions(), guidance.lastSession()));
    }

    private static boolean retired(CatalogExercise exercise) {
        return exercise != null && exercise.retired();
    }

    private Variation variation(CatalogExercise exercise) {
        if (exercise == null) {
            return null;
        }
        return new Variation(exercise.slug(), exercise.measurement(), exercise.unilateral(),
                read(exercise.slug(), exercise.prescription(), Prescription.class),
                read(exercise.slug(), exercise.progression(), Progression.class));
    }

    /** A rule this version cannot read (a newer axis, a malformed ladder) counts as no rule, with a warning. */
    private <T> T read(String slug, JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        } catch (java.io.IOException | IllegalArgumentException e) {
            LOG.warnf("exercise %s: its %s is not understood and is ignored: %s", slug, type.getSimpleName(), e.getMessage());
            return null;
        }
    }

    private static UUID uuidOrNull(String value) {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
