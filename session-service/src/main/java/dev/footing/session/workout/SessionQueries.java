package dev.footing.session.workout;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.footing.common.paging.Page;
import dev.footing.common.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reading sessions: one with its sets, or a user's list, only what the caller may see. */
@ApplicationScoped
public class SessionQueries {

    /** A session's sets in the order they were done; sets done at the same instant in the order they were sent. */
    static final Sort SET_ORDER = Sort.ascending("completedAt").and("seq");

    @Inject
    EntityManager em;

    @Inject
    SessionAccess access;

    @Transactional
    public SessionView get(UUID sessionId) {
        return view(access.visible(sessionId, WorkoutSession.findById(sessionId)));
    }

    /** A session as the API shows it, retracted sets left out. */
    SessionView view(WorkoutSession session) {
        List<WorkoutSet> sets = WorkoutSet.list("sessionId = ?1 and retractedAt is null", SET_ORDER, session.id);
        return SessionView.of(session, sets.stream().map(SetView::of).toList());
    }

    /** A user's sessions, newest first; {@code from}/{@code to} bound the local date of the start, inclusive. */
    @Transactional
    public Page<SessionSummary> list(String userId, LocalDate from, LocalDate to, PageRequest page) {
        StringBuilder where = new StringBuilder("userId = :userId");
        Parameters params = Parameters.with("userId", userId);
        if (from != null) {
            where.append(" and startedLocalDate >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and startedLocalDate <= :to");
            params.and("to", to);
        }
        var query = WorkoutSession.<WorkoutSession>find(where.toString(),
                Sort.descending("startedAt").and("id", Sort.Direction.Descending), params);
        long total = query.count();
        List<WorkoutSession> sessions = query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        Map<UUID, Long> counts = setCounts(sessions.stream().map(s -> s.id).toList());
        List<SessionSummary> items = sessions.stream()
                .map(s -> new SessionSummary(s.id, s.userId, s.timezone, s.programId, s.startedAt, s.startedLocalDate,
                        s.completedAt, s.notes, counts.getOrDefault(s.id, 0L)))
                .toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Long> setCounts(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("""
                select s.sessionId, count(s) from WorkoutSet s
                where s.sessionId in :ids and s.retractedAt is null group by s.sessionId""")
                .setParameter("ids", sessionIds)
                .getResultList();
        Map<UUID, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((UUID) r[0], (Long) r[1]));
        return counts;
    }
}
