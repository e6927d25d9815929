package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every example of the contract, sent through Kafka, is applied by the running service: none is poison. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class ContractEventsTest extends StatsTest {

    @Test
    void everyContractExampleIsAppliedAndNoneIsDeadLetteredAsPoison() {
        String user = newUser("contract");
        var examples = ContractExamples.onTopic(Topics.WORKOUT_EVENTS);
        double poisonBefore = metric("footing_stats_dlq_messages_total{kind=\"poison\"}");
        WorkoutEvents.send(examples.stream().map(example -> WorkoutEvents.example(example, user)).toList());
        awaitEventsApplied(user, examples.size());

        long sets = examples.stream().filter(e -> "footing.set.completed.v1".equals(e.header("ce_type"))).count();
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200)
                .body("eventsApplied", equalTo(examples.size()))
                .body("allTime.sets", equalTo((int) sets));
        assertThat(metric("footing_stats_dlq_messages_total{kind=\"poison\"}")).isEqualTo(poisonBefore);
    }
}
