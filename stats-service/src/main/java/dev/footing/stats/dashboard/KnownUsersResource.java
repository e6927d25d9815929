package dev.footing.stats.dashboard;

import java.sql.Timestamp;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The most recently active users, for the dashboard's user picker. */
@Path("/api/users")
public class KnownUsersResource {

    private static final int LIMIT = 200;

    @Inject
    EntityManager em;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KnownUser> users() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT user_id, count(*), max(event_time) FROM applied_event
                GROUP BY user_id ORDER BY max(event_time) DESC LIMIT :limit""")
                .setParameter("limit", LIMIT)
                .getResultList();
        return rows.stream()
                .map(r -> new KnownUser((String) r[0], ((Number) r[1]).longValue(), toInstant(r[2])))
                .toList();
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (java.time.Instant) value;
    }
}
