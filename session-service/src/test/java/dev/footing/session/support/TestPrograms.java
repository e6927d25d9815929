package dev.footing.session.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;

/**
 * Plays catalog-service for programs: publishes program snapshots to {@code program-catalog} and
 * waits until session-service's program replica has them.
 */
public final class TestPrograms {

    public static final String TOPIC = Topics.PROGRAM_CATALOG;

    private TestPrograms() {
    }

    public static UUID id(String slug) {
        return UUID.nameUUIDFromBytes(("footing:program:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The contract's program snapshot ({@code contract/program-catalog/program-snapshot.json}) with this
     * program's id, slug, name, retired and updatedAt: every other field stays as catalog-service sends it.
     */
    public static String snapshotJson(UUID id, String slug, String name, boolean retired, Instant updatedAt) {
        ObjectNode snapshot = ContractExamples.PROGRAM_SNAPSHOT.load().value().deepCopy();
        snapshot.put("id", id.toString());
        snapshot.put("slug", slug);
        snapshot.put("name", name);
        snapshot.put("retired", retired);
        snapshot.put("updatedAt", updatedAt.toString());
        return snapshot.toString();
    }

    /** Publishes a program (key: its id) and waits until the replica holds it under this name. */
    public static UUID ensure(DataSource db, String slug, String name) {
        UUID id = id(slug);
        if (name.equals(replicaName(db, id))) {
            return id;
        }
        TestCatalog.publish(TOPIC, id.toString(), snapshotJson(id, slug, name, false, Instant.parse("2026-01-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> name.equals(replicaName(db, id)));
        return id;
    }

    public static String replicaName(DataSource db, UUID id) {
        return Db.string(db, "select name from program_replica where id = ?", id);
    }

    public static String replicaRetired(DataSource db, UUID id) {
        return Db.string(db, "select retired::text from program_replica where id = ?", id);
    }
}
