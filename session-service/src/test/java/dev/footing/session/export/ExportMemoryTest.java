package dev.footing.session.export;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An export streams: for a user with 100,000 sets (about 70 MB of CSV) the service holds one fetch of
 * rows, never the list. Shown two ways, half-way through reading, while the service is blocked writing
 * the rest to a client that stopped reading:
 * <ul>
 * <li>the export's database cursor is still open (its transaction is idle in PostgreSQL): the service
 * has not read every row ahead of writing them;</li>
 * <li>the live heap (measured after a full collection, so only what is reachable counts) has grown by
 * less than {@link #HEAP_BOUND}, a quarter of the body's size. The rows as Java objects would take well
 * over the body's size (about 1 KB a row), the body as one string at least its size, and the PostgreSQL
 * driver holding the whole result (what it does with autocommit on) about its size too; what streaming
 * holds is one fetch (500 rows, under 1 MB) and a few buffers, with room left for the test JVM's own
 * background work (Kafka clients, the relay).</li>
 * </ul>
 * The server and this client share one JVM; the client counts lines and keeps none.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class ExportMemoryTest {

    private static final int SESSIONS = 1_000;
    private static final int SETS_PER_SESSION = 100;
    private static final int SETS = SESSIONS * SETS_PER_SESSION;
    private static final int SLICE = 10_000;
    private static final long MB = 1024 * 1024;
    private static final long HEAP_BOUND = 16 * MB;
    private static final String EXPORT_QUERY = "%from workout_set s%join workout_session w%";

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/")
    URL base;

    private String user;

    @BeforeEach
    void aHundredThousandSets() {
        TestCatalog.ensureStandardExercises(db);
        user = Api.newUser("export-100k");
        // Written straight to the tables (the API would take minutes): 1,000 sessions of 100 sets, each
        // session with 500 characters of notes, so every row carries them.
        Db.update(db, """
                insert into workout_session (id, user_id, timezone, started_at, started_local_date, notes, created_at)
                select md5(? || ':' || g)::uuid, ?, 'Europe/Paris', timestamptz '2025-01-01 06:00Z' + g * interval '1 day',
                       date '2025-01-01' + g, repeat('calves, "tight" ', 31) || 'ok', now()
                from generate_series(0, ? - 1) g""", user, user, SESSIONS);
        // In slices of 10,000: each statement stays well inside the service pool's 5 s socket timeout.
        for (int first = 0; first < SETS; first += SLICE) {
            Db.update(db, """
                    insert into workout_set (id, session_id, exercise_id, reps, load_kg, rpe, pain, completed_at, local_date, recorded_at)
                    select md5(? || ':set:' || g)::uuid, md5(? || ':' || (g / ?))::uuid, ?, 10 + g % 30, (g % 8) * 2.5,
                           1 + g % 10, g % 11, timestamptz '2025-01-01 06:00Z' + (g / ?) * interval '1 day' + (g % ?) * interval '1 second',
                           date '2025-01-01' + g / ?, now()
                    from generate_series(?, ? - 1) g""",
                    user, user, SETS_PER_SESSION, CALF_RAISE.id(), SETS_PER_SESSION, SETS_PER_SESSION, SETS_PER_SESSION,
                    first, first + SLICE);
        }
        assertThat(Db.count(db, "select count(*) from workout_set s join workout_session w on w.id = s.session_id "
                + "where w.user_id = ?", user)).isEqualTo(SETS);
    }

    @Test
    void aHundredThousandSetsStreamAsCsvWithFlatMemory() throws Exception {
        long before = liveHeap();
        HttpResponse<InputStream> response = get("csv");
        assertThat(response.statusCode()).isEqualTo(200);
        long bytes = 0;
        long records = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String header = lines.readLine();
            assertThat(header).startsWith("sessionId,setId,completedAt,");
            bytes += header.length() + 2;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                bytes += line.length() + 2;
                records++;
                if (records == SETS / 2) {
                    halfWay(before);
                }
            }
        }
        assertThat(records).isEqualTo(SETS);
        System.out.printf("export: %d sets, %d KB of CSV%n", records, bytes / 1024);
        assertThat(bytes).as("the body is large enough for the bound to mean something").isGreaterThan(4 * HEAP_BOUND);
    }

    @Test
    void aHundredThousandSetsStreamAsAJsonArrayWithFlatMemory() throws Exception {
        long before = liveHeap();
        HttpResponse<InputStream> response = get("json");
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = 0;
        try (JsonParser parser = new ObjectMapper().getFactory().createParser(response.body())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            for (JsonToken token = parser.nextToken(); token == JsonToken.START_OBJECT; token = parser.nextToken()) {
                parser.skipChildren();
                rows++;
                if (rows == SETS / 2) {
                    halfWay(before);
                }
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextToken()).isNull();
        }
        assertThat(rows).isEqualTo(SETS);
    }

    /**
     * Each export holds a database connection while its client reads: two slow downloads take both
     * slots of the instance, a third export is a 503 with Retry-After, and once they are done exports
     * are answered again.
     */
    @Test
    void aThirdExportWhileTwoAreStreamingIsA503WithRetryAfter() throws Exception {
        HttpResponse<InputStream> first = get("csv");
        HttpResponse<InputStream> second = get("json");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        try {
            Api.as(user).get("/api/users/{u}/export", user).then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", org.hamcrest.Matchers.equalTo("https://footing.dev/problems/export-busy"));
        } finally {
            first.body().transferTo(java.io.OutputStream.nullOutputStream());
            second.body().transferTo(java.io.OutputStream.nullOutputStream());
        }
        // The slots are given back when the body is written, just after the client read its end.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.as(user).queryParam("from", "2030-01-01").get("/api/users/{u}/export", user).then().statusCode(200));
    }

    /** Half of the rows read, the client pauses: the service is mid-stream, so this is what it holds. */
    private void halfWay(long before) {
        // Open, whether between two fetches (idle in transaction) or in the middle of one (active).
        assertThat(Db.count(db, "select count(*) from pg_stat_activity where state in ('idle in transaction', 'active') and query like ?",
                EXPORT_QUERY)).as("the export's cursor is still open half-way").isOne();
        // The least of three readings (each after full collections) while the client pauses: what the
        // export holds stays in all of them, a buffer the JVM's background work (Kafka clients, the
        // relay, schedulers) holds at one reading is gone at the next. In two of three full suites on
        // 2026-11-29 a single reading was 19–21 MB, where every other run read 1–5 MB.
        long growth = Long.MAX_VALUE;
        for (int reading = 0; reading < 3; reading++) {
            growth = Math.min(growth, liveHeap() - before);
        }
        System.out.printf("export half-way: live heap %+d KB%n", growth / 1024);
        assertThat(growth).as("live heap growth half-way through the export (%d MB)", growth / MB).isLessThan(HEAP_BOUND);
    }

    private HttpResponse<InputStream> get(String format) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/users/" + user + "/export?format=" + format))
                .header("Authorization", "Bearer " + TestTokens.athlete(user)).timeout(Duration.ofSeconds(120)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Heap in use by reachable objects: after full collections (twice, so finalizable garbage is gone too). */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
