package dev.footing.session.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay's mark of sent rows is planned once per connection (common's {@code GenericPlan}), not anew at each
 * pass for its ids, and the setting that makes it so ends with the pass's commit. The rows here were sent long
 * ago (the running relay leaves them alone); the mark stamps them again.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class RelayMarkPlanTest {

    /** More than the driver's uses before it prepares on the server (5) and PostgreSQL's custom plans before it weighs one for all (5). */
    private static final int PASSES = 15;

    @Inject
    AgroalDataSource db;

    @Test
    void theMarkIsPlannedOncePerConnectionAndItsSettingEndsWithThePass() throws SQLException {
        String user = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (int pass = 0; pass < PASSES; pass++) {
                    List<Long> ids = List.of(sentLongAgo(connection, user), sentLongAgo(connection, user));
                    Instant at = start.plusSeconds(pass);

                    OutboxRelay.markSent(connection, ids, at);

                    assertThat(sentAt(connection, ids)).containsOnly(at);
                    assertThat(planCacheMode(connection)).as("the setting ended with the pass").isEqualTo("auto");
                    connection.commit();
                }
                try (Statement statement = connection.createStatement();
                        ResultSet plans = statement.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                                + " WHERE statement LIKE '%update outbox_event set sent_at = $1 where id = any($2)%'")) {
                    assertThat(plans.next()).as("the mark is prepared on the server").isTrue();
                    assertThat(plans.getLong("custom_plans")).as("plans for one pass's ids").isZero();
                    assertThat(plans.getLong("generic_plans")).as("passes with the plan for all").isPositive();
                    assertThat(plans.next()).isFalse();
                }
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static long sentLongAgo(Connection connection, String user) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                + " (event_id, user_id, type, payload, occurred_at, created_at, sent_at)"
                + " values (?, ?, 'test.plan', '{}', now(), now(), '2000-01-01T00:00:00Z') returning id")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, user);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Instant> sentAt(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select sent_at from outbox_event where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                List<Instant> found = new java.util.ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getTimestamp(1).toInstant());
                }
                assertThat(found).hasSameSizeAs(ids);
                return found;
            }
        }
    }

    private static String planCacheMode(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
            mode.next();
            return mode.getString(1);
        }
    }
}
