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
import dev.footing.catalog.exercise.ExerciseRequest;
import dev.footing.catalog.exercise.ExerciseService;
import dev.footing.catalog.program.Program;
import dev.footing.catalog.program.ProgramItem;
import dev.footing.catalog.program.ProgramPublisher;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * On every start: adds the seed exercises that are missing, brings seeded exercises up to date with a
 * corrected seed unless an admin changed them since (see {@link Exercise#seededFrom}), writes the seed
 * programs as the seed says (programs have no write API), then queues the whole catalog, exercises and
 * programs, for republication (the outbox relay, which runs on its own, publishes it).
 *
 * <p>Exercises are written in two passes in one transaction: first without their harder and easier
 * variations, then with them, because variations may only name exercises that exist and a pair names
 * each other (heel raise on two legs -> on one leg, and back).
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);
    private static final long SEED_LOCK = 0x73656564L; // "seed"; distinct from the outbox relay's key

    @Inject
    ExerciseService exercises;

    @Inject
    ProgramPublisher programs;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    /** What one seeding did, for the log and for tests. */
    public record Seeded(int added, int updated, int keptAsEdited) {
    }

    void onStart(@Observes StartupEvent event) {
        SeedCatalog seed = SeedCatalog.load(json);
        Seeded seeded = seedExercises(seed);
        int programCount = seedPrograms(seed);
        int queued = exercises.republishAll();
        LOG.infof("catalog seeded: %d exercises added, %d updated to the current seed, %d kept as an admin left them;"
                + " %d programs; %d exercise snapshots queued", seeded.added(), seeded.updated(), seeded.keptAsEdited(),
                programCount, queued);
    }

    /** Instances starting together seed one after the other instead of racing on the same ids. */
    private void lockSeeding() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(:key)").setParameter("key", SEED_LOCK).getSingleResult();
    }

    @Transactional
    public Seeded seedExercises(SeedCatalog seed) {
        lockSeeding();
        int added = 0;
        int updated = 0;
        int kept = 0;
        List<ExerciseRequest> written = new ArrayList<>();
        for (var exercise : seed.exercises()) {
            var id = SeedCatalog.exerciseId(exercise.slug());
            String fingerprint = SeedCatalog.fingerprint(json, exercise);
            Exercise current = Exercise.findById(id);
            if (current == null) {
                if (Exercise.count("slug", exercise.slug()) > 0) {
                    LOG.warnf("seed exercise %s skipped: its slug now belongs to another exercise", exercise.slug());
                    continue;
                }
                exercises.create(id, SeedCatalog.withoutVariations(exercise));
                added++;
            } else if (fingerprint.equals(current.seededFrom)) {
                continue;
            } else if (current.seededFrom == null) {
                kept++;
                continue;
            } else {
                exercises.update(id.toString(), SeedCatalog.withoutVariations(exercise));
                updated++;
            }
            written.add(exercise);
        }
        for (var exercise : written) {
            var id = SeedCatalog.exerciseId(exercise.slug());
            if (SeedCatalog.hasVariations(exercise)) {
                exercises.update(id.toString(), exercise);
            }
            Exercise.<Exercise>findById(id).seededFrom = SeedCatalog.fingerprint(json, exercise);
        }
        if (kept > 0) {
            LOG.infof("%d seeded exercises were changed by an admin and keep their content; the seed does not overwrite them",
                    kept);
        }
        return new Seeded(added, updated, kept);
    }

    @Transactional
    int seedPrograms(SeedCatalog seed) {
        lockSeeding();
        // After the seed's lock, like every exercise writer: no rename can slip between reading a slug and queueing.
        exercises.lockCatalogWrites();
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
            program.sessionsPerWeek = source.sessionsPerWeek();
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
        Program.getEntityManager().flush();
        // Every program, seeded or not, is queued again: a consumer can always build its replica from the topic.
        return programs.republishAll();
    }
}
