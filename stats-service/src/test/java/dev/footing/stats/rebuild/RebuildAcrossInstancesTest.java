package dev.footing.stats.rebuild;

import static dev.footing.stats.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.live.LiveUpdates;
import dev.footing.stats.rebuild.RebuildStatus.State;
import dev.footing.stats.support.StatsTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every instance of stats-service rebuilds into the same {@code rebuild_*} tables of the shared database:
 * a rebuild requested from a second instance while the first one runs would drop the first one's copies
 * mid-replay and let it swap in tables that miss events. It must be refused.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class RebuildAcrossInstancesTest extends StatsTest {

    @Inject
    DataSource dataSource;

    @Inject
    TopicReplay replay;

    @Inject
    LiveUpdates live;

    @Inject
    Clock clock;

    @Test
    void aRebuildWhileAnotherInstanceRebuildsIsAConflict() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TableSwap heldSwap = new TableSwap() {
            @Override
            protected long swap(Map<TopicPartition, Long> end) throws SQLException {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.swap(end);
            }
        };
        heldSwap.dataSource = dataSource;
        RebuildJobs otherInstance = new RebuildJobs(dataSource, replay, heldSwap, live, clock);
        try {
            RebuildStatus other = otherInstance.start();
            asAdmin().post("/api/admin/rebuild").then().statusCode(409).contentType("application/problem+json")
                    .body("status", equalTo(409));
            release.countDown();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> otherInstance.status(other.id()).orElseThrow().state() != State.RUNNING);
            assertThat(otherInstance.status(other.id()).orElseThrow().state())
                    .isEqualTo(State.SUCCEEDED);

            // Once it is done, this instance may rebuild.
            String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"RUNNING".equals(asAdmin().get(location).then().extract().path("state")));
            asAdmin().get(location).then().body("state", equalTo("SUCCEEDED"));
        } finally {
            release.countDown();
            otherInstance.shutdown();
        }
    }
}
