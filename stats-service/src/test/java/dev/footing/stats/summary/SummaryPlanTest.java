package dev.footing.stats.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The summary read is planned once per connection (common's {@code GenericPlan}): a connection that reads one
 * user's summary again and again does not plan the statement anew each time, which cost half of such a read.
 * The setting that makes it so ends with the read: the connection's next statements are planned as usual.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class SummaryPlanTest extends StatsTest {

    /** More than the driver's uses before it prepares on the server (5) and PostgreSQL's custom plans before it weighs one for all (5). */
    private static final int READS = 15;

    @Inject
    AgroalDataSource db;

    @Test
    void aOneUserSummaryIsPlannedOncePerConnection() throws SQLException {
        String user = newUser("planned");
        WorkoutEvents.send(WorkoutEvents.set(user, "a", "s1", Exercises.TOWEL_CURL, 9, null, null, null,
                "2027-01-06T10:00", "UTC"));
        awaitEventsApplied(user, 1);
        LocalDate monday = LocalDate.parse("2027-01-04");

        try (Connection connection = db.getConnection()) {
            for (int i = 0; i < READS; i++) {
                Map<String, SummaryFacts> facts = SummaryQueries.facts(connection, List.of(user), monday, monday);
                assertThat(facts.get(user).eventsApplied()).isEqualTo(1);
                assertThat(facts.get(user).weeks().get(monday).sets()).isEqualTo(1);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet plans = statement.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                            + " WHERE statement LIKE '%FROM unnest($1::varchar[]) AS u(user_id)%session_day_totals%'")) {
                assertThat(plans.next()).as("the summary statement is prepared on the server").isTrue();
                assertThat(plans.getLong("custom_plans")).as("plans for one execution's parameters").isZero();
                assertThat(plans.getLong("generic_plans")).as("executions with the plan for all").isPositive();
                assertThat(plans.next()).isFalse();
            }
            try (Statement statement = connection.createStatement();
                    ResultSet mode = statement.executeQuery("SHOW plan_cache_mode")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).as("the setting ended with the read").isEqualTo("auto");
            }
        }
    }
}
