package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.infra.Topics;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class PoisonMessagesTest extends StatsTest {

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        String user = newUser("poison");
        String eventId = UUID.randomUUID().toString();
        RecordHeaders noCeId = WorkoutEvents.headers(eventId, "footing.set.completed.v1", "2027-01-05T10:00:00Z");
        noCeId.remove("ce_id");
        ProducerRecord<String, String> valid = WorkoutEvents.set(user, "ok", "s1", Exercises.TOWEL_CURL, 12, null, null,
                null, "2027-01-05T10:00", "UTC");
        String missingSetId = valid.value().replaceFirst("\"setId\":\"[^\"]+\",", "");
        List<ProducerRecord<String, String>> poison = List.of(
                WorkoutEvents.raw(user, WorkoutEvents.headers(eventId, "footing.set.completed.v1", "2027-01-05T10:00:00Z"),
                        "this is not JSON"),
                WorkoutEvents.raw(user, WorkoutEvents.headers(eventId, "footing.set.teleported.v1", "2027-01-05T10:00:00Z"),
                        "{}"),
                WorkoutEvents.raw(user, new RecordHeaders(valid.headers().toArray()), missingSetId),
                WorkoutEvents.raw(user, noCeId, "{}"));
        WorkoutEvents.send(poison);
        WorkoutEvents.send(valid);
        awaitEventsApplied(user, 1);
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200)
                .body("eventsApplied", equalTo(1)).body("allTime.sets", equalTo(1)).body("allTime.reps", equalTo(12));

        List<ConsumerRecord<String, String>> dead = deadLetters(user, 4);
        assertThat(dead).extracting(r -> header(r, "dlq-reason")).containsExactly(
                "not JSON: Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "unknown ce_type: footing.set.teleported.v1",
                "missing field setId",
                "missing header ce_id");
        assertThat(dead).extracting(r -> header(r, "dlq-kind")).containsOnly("poison");
        assertThat(dead).extracting(r -> header(r, "dlq-original-topic")).containsOnly(Topics.WORKOUT_EVENTS);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly("this is not JSON", "{}", missingSetId, "{}");
        assertThat(dead.get(0).headers().lastHeader("ce_type")).as("original headers are kept").isNotNull();
        assertThat(Long.parseLong(header(dead.get(1), "dlq-original-offset")))
                .isEqualTo(Long.parseLong(header(dead.get(0), "dlq-original-offset")) + 1);
        String exposition = given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(exposition).contains("footing_stats_dlq_messages_total{kind=\"poison\"");
    }

    @Test
    void retractionOfAnUnknownSetIsKeptAsPendingAndCopiedToTheDeadLetterTopic() {
        String user = newUser("early-retraction");
        WorkoutEvents.send(WorkoutEvents.retraction(user, "r1", "late-set", "s1",
                WorkoutEvents.at("2027-01-05T11:00", "UTC")));
        List<ConsumerRecord<String, String>> dead = deadLetters(user, 1);
        assertThat(header(dead.get(0), "dlq-kind")).isEqualTo("unknown-set-retraction");
        assertThat(header(dead.get(0), "dlq-reason")).startsWith("retraction of unknown set "
                + WorkoutEvents.id(user, "late-set"));
        // The set arrives later (it was logged offline): it must not count.
        WorkoutEvents.send(List.of(
                WorkoutEvents.set(user, "late-set", "s1", Exercises.TOWEL_CURL, 12, null, null, null, "2027-01-05T10:00", "UTC"),
                WorkoutEvents.set(user, "other", "s1", Exercises.TOWEL_CURL, 7, null, null, null, "2027-01-05T10:05", "UTC")));
        awaitEventsApplied(user, 3);
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200)
                .body("allTime.sets", equalTo(1)).body("allTime.reps", equalTo(7));
    }

    @Test
    void poisonIsDeadLetteredOnceWhileItsBatchIsRetried() throws Exception {
        String user = newUser("poison-retried");
        ProducerRecord<String, String> valid = WorkoutEvents.set(user, "ok", "s1", Exercises.TOWEL_CURL, 12, null, null,
                null, "2027-01-05T10:00", "UTC");
        ProducerRecord<String, String> poison = WorkoutEvents.raw(user, WorkoutEvents.headers(UUID.randomUUID().toString(),
                "footing.set.completed.v1", "2027-01-05T10:01:00Z"), "not JSON either");
        // The database cannot take the batch (a failure that is not about the data): the poll is retried.
        try (Connection db = DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword()); Statement statement = db.createStatement()) {
            statement.execute("ALTER TABLE applied_event RENAME TO applied_event_away");
            double retriedBefore = metric("footing_stats_batches_retried_total");
            try {
                WorkoutEvents.send(List.of(valid, poison));
                // Retried more than once: a poison message must not become a dead letter per attempt.
                await().atMost(Duration.ofSeconds(30)).until(() -> metric("footing_stats_batches_retried_total") >= retriedBefore + 2);
            } finally {
                statement.execute("ALTER TABLE applied_event_away RENAME TO applied_event");
            }
        }
        awaitEventsApplied(user, 1);
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200).body("allTime.reps", equalTo(12));
        assertThat(allDeadLetters(user)).as("one dead letter for one poison message, however often its poll was retried")
                .extracting(r -> header(r, "dlq-original-offset")).hasSize(1);
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead letters keyed by this user, in order, once there are {@code count} of them. */
    private static List<ConsumerRecord<String, String>> deadLetters(String user, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORKOUT_EVENTS_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (user.equals(record.key())) {
                        found.add(record);
                    }
                }
                return found.size() >= count;
            });
            return found;
        }
    }

    /** Every dead letter keyed by this user, read up to the end of the topic. */
    private static List<ConsumerRecord<String, String>> allDeadLetters(String user) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORKOUT_EVENTS_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (user.equals(record.key())) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return found;
        }
    }
}
