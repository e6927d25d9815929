package dev.footing.infra;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of the event contract, created with their partitions and retention before any
 * service starts, so nothing depends on broker auto-creation defaults.
 */
public final class Topics {

    public static final String EXERCISE_CATALOG = "exercise-catalog";
    public static final String PROGRAM_CATALOG = "program-catalog";
    public static final String WORKOUT_EVENTS = "workout-events";
    public static final String WORKOUT_EVENTS_DLQ = "workout-events-dlq";

    private Topics() {
    }

    public static List<NewTopic> contract(int workoutPartitions) {
        return List.of(
                // Compacted: the latest snapshot of every exercise stays forever, so a new replica can be built.
                new NewTopic(EXERCISE_CATALOG, 3, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")),
                // Compacted too: the latest snapshot of every program.
                new NewTopic(PROGRAM_CATALOG, 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")),
                // Kept forever: stats-service rebuilds every aggregate by replaying it from the start.
                new NewTopic(WORKOUT_EVENTS, workoutPartitions, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")),
                new NewTopic(WORKOUT_EVENTS_DLQ, 1, (short) 1)
                        .configs(Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))));
    }

    public static void ensure(String bootstrapServers, int workoutPartitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = contract(workoutPartitions).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics", e.getCause());
        }
    }
}
