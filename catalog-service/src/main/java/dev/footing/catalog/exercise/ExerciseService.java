package dev.footing.catalog.exercise;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import dev.footing.catalog.progression.ProgressionGraph;
import dev.footing.common.problem.Problem;
import dev.footing.common.problem.Problem.Violation;
import dev.footing.common.problem.ProblemException;

/**
 * Reads and changes exercises. Every change announces its snapshot ({@link ExerciseChanged}) in the
 * same transaction, where the outbox records it; a request that fails changes nothing.
 */
@ApplicationScoped
public class ExerciseService {

    private static final long CATALOG_WRITE_LOCK = 0x76617269L; // "vari"; distinct from the seed's and the relay's keys

    @Inject
    EntityManager em;

    @Inject
    Event<ExerciseChanged> changed;

    @Inject
    ExerciseValidator validator;

    @Inject
    Clock clock;

    public Page<ExerciseView> list(ExerciseFilter filter, PageRequest page) {
        Query count = em.createNativeQuery("select count(*) from exercise where " + filter.where());
        Query ids = em.createNativeQuery("select id from exercise where " + filter.where()
                + " order by lower(name), slug limit :limit offset :offset", UUID.class);
        filter.parameters().forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        if (page.offset() >= total) {
            return new Page<>(List.of(), page.page(), page.size(), total);
        }
        @SuppressWarnings("unchecked")
        List<UUID> pageIds = ids.setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        Map<UUID, Exercise> byId = Exercise.<Exercise>list("id in ?1", pageIds).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<ExerciseView> items = pageIds.stream().map(byId::get).map(ExerciseView::of).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public ExerciseView get(String idOrSlug) {
        return ExerciseView.of(find(idOrSlug));
    }

    @Transactional
    public ExerciseView create(ExerciseRequest request) {
        return create(UUID.randomUUID(), request);
    }

    /** Creates with a given id: the seed uses its deterministic ids. */
    @Transactional
    public ExerciseView create(UUID id, ExerciseRequest request) {
        lockCatalogWrites();
        requireValid(request);
        requireFreeSlug(request.slug(), null);
        requireValidLinks(null, request);
        Exercise exercise = new Exercise();
        exercise.id = id;
        exercise.createdAt = now();
        apply(exercise, request);
        exercise.retired = Boolean.TRUE.equals(request.retired());
        persistOrConflict(exercise);
        return publish(exercise);
    }

    @Transactional
    public ExerciseView update(String idOrSlug, ExerciseRequest request) {
        lockCatalogWrites();
        Exercise exercise = findForUpdate(idOrSlug);
        requireValid(request);
        requireFreeSlug(request.slug(), exercise.id);
        requireValidLinks(exercise.slug, request);
        String formerSlug = exercise.slug;
        apply(exercise, request);
        if (request.retired() != null) {
            exercise.retired = request.retired();
        }
        persistOrConflict(exercise);
        return publish(exercise, formerSlug.equals(exercise.slug) ? null : formerSlug);
    }

    /** Retires: the exercise stays readable by id or slug (history refers to it) but leaves the lists. */
    @Transactional
    public void retire(String idOrSlug) {
        lockCatalogWrites();
        Exercise exercise = findForUpdate(idOrSlug);
        if (exercise.retired) {
            return;
        }
        exercise.retired = true;
        exercise.seededFrom = null;
        exercise.updatedAt = nextUpdatedAt(exercise);
        exercise.persistAndFlush();
        publish(exercise);
    }

    /** Queues every exercise's current snapshot, so a consumer can build its replica from the topic alone. */
    @Transactional
    public int republishAll() {
        // Locked like a write, so a concurrent edit is queued either wholly before or wholly after this snapshot.
        List<Exercise> all = Exercise.<Exercise>find("order by slug").withLock(LockModeType.PESSIMISTIC_WRITE).list();
        all.forEach(this::publish);
        return all.size();
    }

    private Exercise find(String idOrSlug) {
        return Exercise.findByIdOrSlug(idOrSlug).orElseThrow(() -> ProblemException.notFound("exercise", idOrSlug));
    }

    /**
     * Writers lock the row before queueing a snapshot: outbox ids of one exercise then follow the
     * order its changes commit in, which is the order the relay publishes, so the topic's last
     * snapshot is always the current state (and two concurrent writes cannot lose each other's fields).
     */
    private Exercise findForUpdate(String idOrSlug) {
        Exercise exercise = find(idOrSlug);
        em.lock(exercise, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(exercise);
        return exercise;
    }

    private ExerciseView publish(Exercise exercise) {
        return publish(exercise, null);
    }

    private ExerciseView publish(Exercise exercise, String formerSlug) {
        ExerciseView view = ExerciseView.of(exercise);
        // Synchronous observers run in this transaction: the snapshot is queued exactly when the change commits.
        changed.fire(new ExerciseChanged(view, formerSlug));
        return view;
    }

    private void requireValid(ExerciseRequest request) {
        List<Violation> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; ")), violations);
        }
    }

    /**
     * Writers of exercises take turns (a transaction-scoped advisory lock, so across instances too):
     * two writes checked side by side could each pass {@link ProgressionGraph} and close a cycle together
     * (A -> B written while B -> A is), and a program snapshot republished by one write could miss
     * another's new slug. Taken before any row lock, always in this order, so writers cannot deadlock.
     * Catalog writes are rare admin work; serialising them costs nothing that matters. The seeder takes
     * it too, after its own lock.
     */
    public void lockCatalogWrites() {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(:key)").setParameter("key", CATALOG_WRITE_LOCK)
                .getSingleResult();
    }

    /** Unknown or retired variations and cycles are 422: the body is well formed, the catalog refuses it. */
    private void requireValidLinks(String oldSlug, ExerciseRequest request) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select slug, progression ->> 'next', progression ->> 'previous', retired"
                + " from exercise").getResultList();
        Map<String, ProgressionGraph.Node> catalog = rows.stream().map(row -> new ProgressionGraph.Node((String) row[0],
                (String) row[1], (String) row[2], (Boolean) row[3]))
                .collect(Collectors.toMap(ProgressionGraph.Node::slug, Function.identity()));
        List<Violation> violations = ProgressionGraph.check(oldSlug, request.slug(), request.progression(), catalog);
        if (!violations.isEmpty()) {
            throw new ProblemException(new Problem(ProblemException.type("unprocessable"), "Unprocessable entity", 422,
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    violations));
        }
    }

    private static void requireFreeSlug(String slug, UUID self) {
        Exercise other = Exercise.<Exercise>find("slug", slug).firstResult();
        if (other != null && !other.id.equals(self)) {
            throw ProblemException.conflict("slug \"" + slug + "\" is already used by exercise " + other.id
                    + (other.retired ? " (retired)" : ""));
        }
    }

    private void persistOrConflict(Exercise exercise) {
        try {
            exercise.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException) {
                // Two requests raced for one slug; the unique index decided.
                throw ProblemException.conflict("slug \"" + exercise.slug + "\" is already used by another exercise");
            }
            throw e;
        }
    }

    private void apply(Exercise e, ExerciseRequest r) {
        e.slug = r.slug();
        e.name = r.name().strip();
        e.summary = r.summary().strip();
        e.instructions = r.instructions().stream().map(String::strip).toList();
        e.category = r.category().name();
        e.bodyAreas = canonical(r.bodyAreas());
        e.equipment = r.equipment() == null || r.equipment().isEmpty() ? List.of(Equipment.NONE.name()) : canonical(r.equipment());
        e.difficulty = r.difficulty().name();
        e.measurement = r.measurement().name();
        e.unilateral = Boolean.TRUE.equals(r.unilateral());
        e.prescription = r.prescription();
        e.cautions = r.cautions() == null ? List.of() : r.cautions().stream().map(String::strip).toList();
        e.progression = r.progression();
        e.source = r.source().strip();
        e.seededFrom = null; // written through the API: an admin's edit (the seeder marks its own writes after)
        e.ownAdvice = r.ownAdvice() == null ? List.of() : List.copyOf(r.ownAdvice());
        e.updatedAt = nextUpdatedAt(e);
    }

    /**
     * Now, but always after the exercise's previous stamp: instances' clocks differ, and replicas keep
     * the snapshot with the newest updatedAt, so a change stamped earlier than the last would be ignored.
     */
    private java.time.Instant nextUpdatedAt(Exercise e) {
        java.time.Instant now = now();
        return e.updatedAt == null || now.isAfter(e.updatedAt) ? now : e.updatedAt.plus(1, ChronoUnit.MICROS);
    }

    /** Enum sets in declaration order, without repeats: the same exercise always reads the same. */
    private static <E extends Enum<E>> List<String> canonical(List<E> values) {
        return values.stream().distinct().sorted().map(Enum::name).toList();
    }

    private java.time.Instant now() {
        // PostgreSQL keeps microseconds: truncate so the topic and a later read agree.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
