package dev.footing.catalog.seed;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.exercise.Exercise;
import dev.footing.catalog.exercise.ExerciseService;
import dev.footing.catalog.program.Program;
import dev.footing.catalog.program.ProgramItem;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * On every start: adds the seed exercises that are missing (an exercise already there is left as
 * it is, so admin edits survive restarts), writes the seed programs as the seed says (programs
 * have no write API), then queues the whole catalog for republication (the outbox relay, which
 * runs on its own, publishes it).
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);
    private static final long SEED_LOCK = 0x73656564L; // "seed"; distinct from the outbox relay's key

    @Inject
    ExerciseService exercises;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    void onStart(@Observes StartupEvent event) {
        SeedCatalog seed = SeedCatalog.load(json);
        int added = seedExercises(seed);
        seedPrograms(seed);
        int queued = exercises.republishAll();
        LOG.infof("catalog seeded: %d exercises added, %d programs; %d snapshots queued for exercise-catalog",
                added, seed.programs().size(), queued);
    }

    /** Instances starting together seed one after the other instead of racing on the same ids. */
    private void lockSeeding() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(:key)").setParameter("key", SEED_LOCK).getSingleResult();
    }

    @Transactional
    int seedExercises(SeedCatalog seed) {
        lockSeeding();
        int added = 0;
        for (var exercise : seed.exercises()) {
            var id = SeedCatalog.exerciseId(exercise.slug());
            if (Exercise.findById(id) != null) {
                continue;
            }
            if (Exercise.count("slug", exercise.slug()) > 0) {
                LOG.warnf("seed exercise %s skipped: its slug now belongs to another exercise", exercise.slug());
                continue;
            }
            exercises.create(id, exercise);
            added++;
        }
        return added;
    }

    @Transactional
    void seedPrograms(SeedCatalog seed) {
        lockSeeding();
        for (var source : seed.programs()) {
            var id = SeedCatalog.programId(source.slug());
            Program program = Program.findById(id);
            if (program == null) {
                program = new Program();
                program.id = id;
            }
            program.slug = source.slug();
            program.name = source.name();
            program.goal = source.goal();
            program.author = source.author();
            program.frequency = source.frequency();
            program.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<ProgramItem> items = new ArrayList<>();
            for (int i = 0; i < source.items().size(); i++) {
                var item = source.items().get(i);
                Exercise exercise = Exercise.findById(SeedCatalog.exerciseId(item.exercise()));
                if (exercise == null) {
                    throw new IllegalStateException("program " + source.slug() + " refers to unknown exercise " + item.exercise());
                }
                ProgramItem programItem = new ProgramItem();
                programItem.program = program;
                programItem.position = i + 1;
                programItem.exercise = exercise;
                programItem.prescription = item.prescription() != null ? item.prescription() : exercise.prescription;
                items.add(programItem);
            }
            program.items.clear();
            program.persist();
            // Old items go first: (program_id, position) is unique and the new ones reuse positions.
            Program.getEntityManager().flush();
            program.items.addAll(items);
        }
    }
}
