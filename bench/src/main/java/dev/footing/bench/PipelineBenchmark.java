package dev.footing.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footing.infra.FreePort;
import dev.footing.infra.ServiceProcesses;
import dev.footing.infra.TestInfrastructure;

/**
 * The whole pipeline on this machine, against what PostgreSQL alone does in the same run
 * (docs/architecture.md §10): the three packaged services, a real broker, a real PostgreSQL
 * (fsync and synchronous_commit on) and a real Keycloak, driven over HTTP.
 *
 * <ol>
 *   <li>Baseline: the rows session-service and stats-service write, by plain JDBC.</li>
 *   <li>Ingest: whole workouts until stats has applied every set, with CPU per set per process.</li>
 *   <li>Idle latency: one set at a time, POST → 201 and POST → visible in {@code /summary}.</li>
 *   <li>Concurrency: single-set POSTs from many clients at once.</li>
 *   <li>Rebuild: the whole topic replayed.</li>
 *   <li>Freshness: a sustained rate, POST → visible measured on the {@code /live} streams.</li>
 *   <li>Overload: four times the sustainable rate; only 201 or 503 with Retry-After, every 201 counted once.</li>
 *   <li>Memory: each service's resident set afterwards.</li>
 * </ol>
 * Sizes and durations come from {@code bench.*} system properties (see bench/pom.xml).
 */
public final class PipelineBenchmark {

    private static final int MAX_OUTSTANDING = 1000;

    private final ServiceProcesses services;
    private final LoadUsers users;
    private final FootingClient api;
    private final CpuMeter cpu;
    private final ThreadSplit threads;
    private final DatabaseBaseline baseline;
    private final WorkCounts counts;
    private final Report report = new Report();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private PipelineBenchmark(ServiceProcesses services, String issuer, Path root) {
        this.services = services;
        this.users = new LoadUsers(issuer);
        this.api = new FootingClient(services, users);
        long postmaster = Procs.find(cmd -> cmd.contains("postgres") && cmd.matches(".*-p\\s+" + TestInfrastructure.databasePort() + "(\\s.*|$)"))
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster not found in /proc"));
        this.cpu = new CpuMeter()
                .process("session-service", services.pid("session-service"))
                .process("stats-service", services.pid("stats-service"))
                .process("catalog-service", services.pid("catalog-service"))
                .processTree("postgresql", postmaster)
                .ownJvm()
                .processIfFound("keycloak", Procs.find(cmd -> cmd.contains("kc.home.dir")));
        Map<String, Long> splitServices = new LinkedHashMap<>();
        splitServices.put("session-service", services.pid("session-service"));
        splitServices.put("stats-service", services.pid("stats-service"));
        this.threads = new ThreadSplit(splitServices);
        this.baseline = new DatabaseBaseline(TestInfrastructure::jdbcUrl, TestInfrastructure.dbUser(), TestInfrastructure.dbPassword(), root, cpu);
        this.counts = new WorkCounts(TestInfrastructure::jdbcUrl, TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("footing.root", ".")).toAbsolutePath().normalize();
        FootingClient.configureConnections(Integer.getInteger("bench.concurrent.clients", 64) + 64);
        ServiceProcesses services = new ServiceProcesses(root, root.resolve("bench/target/service-logs"), FreePort.pick(), FreePort.pick(), FreePort.pick());
        try {
            String issuer = TestInfrastructure.keycloakIssuer();
            services.oidcIssuer(issuer);
            services.start(TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure::jdbcUrl,
                    TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
            services.awaitReady(Duration.ofMinutes(3));
            PipelineBenchmark bench = new PipelineBenchmark(services, issuer, root);
            bench.runAll();
            bench.report.print();
            bench.report.write(root.resolve("bench/target/bench-results.json"));
        } catch (Throwable failure) {
            // A benchmark that fails must fail the command, not end in a silent "BUILD SUCCESS".
            failure.printStackTrace();
            services.close();
            System.exit(1);
        }
        services.close();
        // The embedded broker and database run non-daemon threads; they stop in shutdown hooks.
        System.exit(0);
    }

    private void runAll() throws Exception {
        int users = Integer.getInteger("bench.users", 20);
        int sessions = Integer.getInteger("bench.sessions", 10);
        int sets = Integer.getInteger("bench.sets", 50);
        int clients = Integer.getInteger("bench.clients", 4);
        int rate = Integer.getInteger("bench.fresh.rate", 500);

        System.out.println("Warming up (JIT on 2 cores takes a while)...");
        ingest("warm-ingest", 8, 5, sets, clients, false);
        idleLatency("warm-single", 100, false);
        concurrent("warm-conc", 16, Duration.ofSeconds(5), false);
        // The live streams' code (in stats-service and in this JVM's clients) runs only in the freshness scenario:
        // without this, this JVM compiled it during the measured 60 s, on the same two cores as the services.
        freshness("warm-fresh", rate, Duration.ofSeconds(10), false);

        System.out.println("\nBaseline: PostgreSQL alone, plain JDBC");
        DatabaseBaseline.Run sessionRows = baseline.sessionWrites(users * sessions * sets, 100, 4);
        DatabaseBaseline.Run statsRows = baseline.statsApply(users * sessions * sets, 100, 4);
        DatabaseBaseline.Run singles = baseline.singleSetTransactions(Duration.ofSeconds(10), 16);
        report.section("baseline", Map.of("sessionRows", runFigures(sessionRows), "statsRows", runFigures(statsRows),
                "oneSetTransactions", runFigures(singles)));
        System.out.printf("  session rows (set + outbox), 100 a transaction, 4 connections: %,.0f sets/s, %.1f µs CPU a set (PostgreSQL + client)%n",
                sessionRows.perSecond(), databaseCpu(sessionRows));
        System.out.printf("  stats rows (guard + fact), 100 a transaction, 4 connections:    %,.0f events/s, %.1f µs CPU an event%n",
                statsRows.perSecond(), databaseCpu(statsRows));
        System.out.printf("  one set a transaction, 16 connections:                           %,.0f sets/s%n", singles.perSecond());

        System.out.printf("%nIngest: %d users × %d workouts × %d sets, %d client threads%n", users, sessions, sets, clients);
        Profiler profiler = new Profiler(Map.of("session-service", services.pid("session-service"),
                "stats-service", services.pid("stats-service")), Path.of(System.getProperty("footing.root", ".")).resolve("bench/target/jfr"));
        profiler.start("ingest");
        Map<String, Object> ingest = ingest("load", users, sessions, sets, clients, true);
        profiler.stop();
        double accepted = (double) ingest.get("acceptedSetsPerSecond");
        double applied = (double) ingest.get("appliedSetsPerSecond");
        @SuppressWarnings("unchecked")
        Map<String, Double> perSet = (Map<String, Double>) ingest.get("cpuMicrosPerSet");
        double sessionCpu = perSet.get("session-service");
        double statsCpu = perSet.get("stats-service");
        double baselinePerSet = databaseCpu(sessionRows);
        report.line("ingest accepted (sets/s)", "%,.0f = %.0f %% of baseline %,.0f".formatted(accepted, 100 * accepted / sessionRows.perSecond(), sessionRows.perSecond()),
                "≥ 20 %", accepted >= 0.2 * sessionRows.perSecond());
        report.line("ingest applied end to end (sets/s)", "%,.0f = %.0f %% of baseline".formatted(applied, 100 * applied / sessionRows.perSecond()),
                "≥ 20 %", applied >= 0.2 * sessionRows.perSecond());
        report.line("session-service CPU per accepted set", "%.0f µs (baseline %.0f µs)".formatted(sessionCpu, baselinePerSet),
                "≤ 60 µs and ≤ 2× baseline", sessionCpu <= 60 && sessionCpu <= 2 * baselinePerSet);
        report.line("stats-service CPU per applied event", "%.0f µs".formatted(statsCpu), "≤ 40 µs", statsCpu <= 40);
        report.line("PostgreSQL / broker / load generator CPU per set", "%.0f / %.0f / %.0f µs".formatted(
                perSet.get("postgresql"), perSet.get("broker"), perSet.get("load generator")));

        System.out.println("\nIdle latency: single sets, one at a time");
        Map<String, Object> idle = idleLatency("single", Integer.getInteger("bench.single", 300), true);
        report.line("one set, POST → 201", latencyText(idle, "post"), "p50 ≤ 3 ms", p(idle, "post", "p50Ms") <= 3);
        report.line("one set, POST → visible on /live", latencyText(idle, "visible"), "p50 ≤ 10 ms, p99 ≤ 25 ms",
                p(idle, "visible", "p50Ms") <= 10 && p(idle, "visible", "p99Ms") <= 25);

        int concurrency = Integer.getInteger("bench.concurrent.clients", 64);
        System.out.printf("%nConcurrency: single-set POSTs from %d clients%n", concurrency);
        profiler.start("concurrent");
        Map<String, Object> conc = concurrent("conc", concurrency, Duration.ofSeconds(Integer.getInteger("bench.concurrent.seconds", 15)), true);
        profiler.stop();
        double concRate = (double) conc.get("setsPerSecond");
        report.line(concurrency + " clients, single-set POSTs", "%,.0f sets/s = %.0f %% of baseline %,.0f; %s".formatted(concRate,
                100 * concRate / singles.perSecond(), singles.perSecond(), latencyText(conc, "post")),
                "≥ 25 %, p99 ≤ 50 ms", concRate >= 0.25 * singles.perSecond() && p(conc, "post", "p99Ms") <= 50);

        System.out.println("\nRebuild: the whole topic replayed");
        Map<String, Object> rebuild = rebuild();
        double rebuildRate = (double) rebuild.get("eventsPerSecond");
        report.line("rebuild (events/s)", "%,.0f = %.0f %% of baseline %,.0f".formatted(rebuildRate, 100 * rebuildRate / statsRows.perSecond(), statsRows.perSecond()),
                "≥ 50 %", rebuildRate >= 0.5 * statsRows.perSecond());

        int freshSeconds = Integer.getInteger("bench.fresh.seconds", 60);
        System.out.printf("%nFreshness: %d sets/s for %d s, visible measured on /live%n", rate, freshSeconds);
        Map<String, Object> fresh = freshness("fresh", rate, Duration.ofSeconds(freshSeconds), true);
        report.line("sustained %d sets/s: POST → visible".formatted(rate), latencyText(fresh, "visible") + "; behind at end: " + fresh.get("behindAtEnd"),
                "p99 ≤ 100 ms, nothing behind", p(fresh, "visible", "p99Ms") <= 100 && (long) fresh.get("behindAtEnd") == 0);

        double sustainable = Math.max(concRate, 1);
        int overloadSeconds = Integer.getInteger("bench.overload.seconds", 30);
        System.out.printf("%nOverload: %,.0f sets/s (4× the concurrent rate) for %d s%n", 4 * sustainable, overloadSeconds);
        Map<String, Object> overload = overload(4 * sustainable, Duration.ofSeconds(overloadSeconds));
        report.line("overload at 4×: answers", String.valueOf(overload.get("statuses")) + ", counted once: " + overload.get("countedExactlyOnce"),
                "201 or 503+Retry-After only, all counted once", (boolean) overload.get("only201Or503") && (boolean) overload.get("countedExactlyOnce"));

        Map<String, Object> memory = new LinkedHashMap<>();
        for (String service : List.of("catalog-service", "session-service", "stats-service")) {
            memory.put(service, Procs.residentMiB(services.pid(service)));
        }
        report.section("residentMiB", memory);
        boolean small = memory.values().stream().allMatch(v -> (long) v <= 250);
        report.line("resident memory after the run (MiB)", memory.toString(), "≤ 250 each", small);
    }

    private Map<String, Object> ingest(String label, int userCount, int sessionsPerUser, int setsPerSession, int clients, boolean record) throws Exception {
        List<String> userIds = loadUsers(label, userCount);
        awaitReplica(userIds.get(0));
        long posted = (long) userCount * sessionsPerUser * setsPerSession;
        long expected = posted + 50; // the first user's settling workout (awaitReplica)
        ExecutorService pool = Executors.newFixedThreadPool(clients, DatabaseBaseline.named("load-"));
        double acceptedSeconds;
        double visibleSeconds;
        Map<String, Double> perSet;
        Map<String, Map<String, Double>> perSetByThread;
        try (CountedSets counted = new CountedSets(TestInfrastructure::jdbcUrl, TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword(), userIds)) {
            CpuMeter.Window window = cpu.start();
            ThreadSplit.Window byThread = threads.start();
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < sessionsPerUser; s++) {
                for (String user : userIds) {
                    Instant start = Instant.parse("2026-06-01T07:00:00Z").plus(Duration.ofDays(s));
                    work.add(pool.submit(() -> FootingClient.check(api.postWorkout(UUID.randomUUID(), user, start, setsPerSession), 201)));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            acceptedSeconds = window.seconds();
            // Bounded: a stats-service that stopped applying (or lost a set) fails the run rather than hanging it.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            long inDatabase;
            while ((inDatabase = counted.now()) < expected) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("stats-service counted " + inDatabase + " of " + expected + " sets after 2 minutes");
                }
                Thread.sleep(5);
            }
            visibleSeconds = window.seconds();
            perSet = window.perItem(posted);
            perSetByThread = byThread.perItem(posted);
            // What the database counts is what the API shows, each set once (checked outside the measured window).
            inDatabase = counted.now();
            long shown = appliedSets(userIds);
            if (inDatabase != expected || shown != expected) {
                throw new IllegalStateException("posted " + expected + " sets; stats-service's database counts " + inDatabase
                        + ", /summary shows " + shown);
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sets", posted);
        figures.put("acceptedSetsPerSecond", posted / acceptedSeconds);
        figures.put("appliedSetsPerSecond", posted / visibleSeconds);
        figures.put("cpuMicrosPerSet", perSet);
        figures.put("cpuMicrosPerSetByThread", perSetByThread);
        if (record) {
            report.section("ingest", figures);
            System.out.printf("  accepted by session-service: %,d sets in %.2f s = %,.0f sets/s%n", posted, acceptedSeconds, posted / acceptedSeconds);
            System.out.printf("  applied by stats-service:    %,d sets in %.2f s = %,.0f sets/s end to end%n", posted, visibleSeconds, posted / visibleSeconds);
            System.out.print("  CPU per set (µs):");
            perSet.forEach((role, micros) -> System.out.printf(" %s %.0f;", role, micros));
            System.out.println();
            perSetByThread.forEach((service, groups) -> {
                System.out.printf("    %s by thread:", service);
                groups.forEach((group, micros) -> System.out.printf(" %s %.0f;", group, micros));
                System.out.println();
            });
        }
        return figures;
    }

    /**
     * How long the system is left alone between one set becoming visible and the next POST. The
     * previous set's last work (the relay's acknowledgement, the consumer's offset commit, the live
     * push) ends within a few milliseconds; a set posted before that meets a busy system, not an idle one.
     */
    private static final Duration IDLE_PAUSE = Duration.ofMillis(50);
    /** The route template session-service's HTTP metrics name the POST of sets by. */
    private static final String SETS_ROUTE = "/api/sessions/{id}/sets";

    /**
     * One set at a time on an otherwise idle system: POST → 201, and POST → visible, that is until
     * the user's {@code /live} stream pushes the summary that counts it (what a dashboard shows).
     * Polling {@code /summary} to find that moment would itself load the two cores the set needs;
     * each set's count is still checked on {@code /summary} afterwards, outside the timing.
     */
    private Map<String, Object> idleLatency(String label, int count, boolean record) throws Exception {
        String user = "bench-" + run + "-" + label;
        UUID session = UUID.randomUUID();
        users.prepare(List.of(user));
        awaitReplica(user, session);
        BlockingQueue<long[]> pushed = new LinkedBlockingQueue<>();
        LiveStream live = api.followLive(user, total -> pushed.add(new long[] {total, System.nanoTime()}));
        long known = api.setsCounted(user);
        awaitPush(pushed, known - 1, live);
        List<Double> post = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        double[] servedBefore = api.served("session-service", "POST", SETS_ROUTE, 201);
        for (int i = 0; i < count; i++) {
            Thread.sleep(IDLE_PAUSE.toMillis());
            pushed.clear();
            long start = System.nanoTime();
            FootingClient.check(api.postSet(user, session), 201);
            post.add(millisSince(start));
            long shownAt = awaitPush(pushed, known, live);
            visible.add((shownAt - start) / 1e6);
            known++;
            if (api.setsCounted(user) != known) {
                throw new IllegalStateException("/live showed set " + known + " of " + user + " but /summary does not count it");
            }
        }
        live.close();
        double[] servedAfter = api.served("session-service", "POST", SETS_ROUTE, 201);
        double answered = servedAfter[0] - servedBefore[0];
        double servedMs = answered > 0 ? 1000 * (servedAfter[1] - servedBefore[1]) / answered : Double.NaN;
        Map<String, Object> figures = Map.of("post", Report.latency(post), "visible", Report.latency(visible),
                "sessionServiceMeanMs", servedMs);
        if (record) {
            report.section("idleLatency", figures);
            System.out.println("  POST → 201: " + latencyText(figures, "post") + "; POST → visible: " + latencyText(figures, "visible"));
            System.out.printf("  inside session-service (its HTTP metrics): mean %.2f ms a POST%n", servedMs);
        }
        return figures;
    }

    /** When the stream first pushed a count above {@code known}; fails after 30 s without one. */
    private static long awaitPush(BlockingQueue<long[]> pushed, long known, LiveStream live) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && !live.isDone()) {
            long[] push = pushed.poll(100, TimeUnit.MILLISECONDS);
            if (push != null && push[0] > known) {
                return push[1];
            }
        }
        throw new IllegalStateException("the /live stream did not show a count above " + known + (live.isDone() ? " (it ended)" : ""));
    }

    private Map<String, Object> concurrent(String label, int clients, Duration duration, boolean record) throws Exception {
        List<String> userIds = loadUsers(label, clients);
        List<UUID> sessions = settledSessions(userIds);
        long before = appliedSets(userIds);
        ExecutorService pool = Executors.newFixedThreadPool(clients, DatabaseBaseline.named("load-"));
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong created = new AtomicLong();
        Map<String, Long> countsBefore = record ? counts.snapshot() : Map.of();
        long deadline = System.nanoTime() + duration.toNanos();
        CpuMeter.Window window = cpu.start();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = userIds.get(c);
            UUID session = sessions.get(c);
            work.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    FootingClient.Answer response = api.postSet(user, session);
                    latencies.add(millisSince(start));
                    statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.status() == 201) {
                        created.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = window.seconds();
        Map<String, Double> perSet = window.perItem(Math.max(1, created.get()));
        pool.shutdown();
        long expected = before + created.get();
        boolean counted = awaitCount(userIds, expected, Duration.ofSeconds(60));
        Map<String, Double> workPerSet = record ? WorkCounts.perItem(countsBefore, counts.snapshot(), created.get()) : Map.of();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("setsPerSecond", created.get() / seconds);
        figures.put("statuses", new TreeMap<>(statuses));
        figures.put("post", Report.latency(latencies));
        figures.put("cpuMicrosPerSet", perSet);
        figures.put("allCounted", counted);
        figures.put("workPerSet", workPerSet);
        if (record) {
            // Until all were counted: the relay's and stats-service's tail and this benchmark's count polls are in it.
            printPerSet(perSet, workPerSet);
            report.section("concurrentSingleSets", figures);
            System.out.printf("  %,.0f sets/s, %s, statuses %s, all counted: %s%n", created.get() / seconds, latencyText(figures, "post"), statuses, counted);
        }
        return figures;
    }

    /** Each process's CPU time per set, then what the database and the broker did per set. */
    private static void printPerSet(Map<String, Double> cpuMicros, Map<String, Double> work) {
        cpuMicros.forEach((process, micros) -> System.out.printf("    %8.0f µs CPU per set  %s%n", micros, process));
        work.forEach((what, n) -> System.out.printf("    %8.3f per set  %s%n", n, what));
    }

    private Map<String, Object> rebuild() throws Exception {
        JsonNode status = api.startRebuild();
        String id = status.path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (!"SUCCEEDED".equals(status.path("state").asText())) {
            if ("FAILED".equals(status.path("state").asText()) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("rebuild did not succeed: " + status);
            }
            Thread.sleep(100);
            status = api.rebuild(id);
        }
        double seconds = Duration.between(Instant.parse(status.path("startedAt").asText()), Instant.parse(status.path("finishedAt").asText())).toNanos() / 1e9;
        long events = status.path("recordsRead").asLong();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", events);
        figures.put("seconds", seconds);
        figures.put("eventsPerSecond", events / seconds);
        report.section("rebuild", figures);
        System.out.printf("  %,d events in %.2f s = %,.0f events/s%n", events, seconds, events / seconds);
        return figures;
    }

    /**
     * {@code rate} sets a second, spread over fifty users each posting on its own thread, for {@code duration};
     * a set is visible when its user's {@code /live} stream pushes a count that includes it. A user's next set
     * waits for the answer to the previous one, as an app's would; its latencies still count from the moment it
     * was due, so a stall delays the sets behind it in the figures too (no coordinated omission).
     */
    private Map<String, Object> freshness(String label, int rate, Duration duration, boolean record) throws Exception {
        List<String> userIds = loadUsers(label, 50);
        List<Double> visible = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> post = java.util.Collections.synchronizedList(new ArrayList<>());
        List<UserStream> streams = new ArrayList<>();
        for (String user : userIds) {
            UUID session = UUID.randomUUID();
            awaitReplica(user, session);
            UserStream stream = new UserStream(user, session, api.setsCounted(user), visible);
            stream.live = api.followLive(user, stream::counted);
            streams.add(stream);
        }
        Thread.sleep(1000); // every stream has delivered its first summary
        ExecutorService pool = Executors.newFixedThreadPool(userIds.size(), DatabaseBaseline.named("load-"));
        double meanGapNanos = 1e9 * userIds.size() / rate;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Map<String, Long> countsBefore = counts.snapshot();
        CpuMeter.Window window = cpu.start();
        List<Future<?>> work = new ArrayList<>();
        for (int u = 0; u < streams.size(); u++) {
            UserStream stream = streams.get(u);
            // Each user posts on a schedule of their own, as independent users do: exponential gaps (a Poisson
            // stream per user, so all together too) with the mean that makes the rate, seeded for repeatable runs.
            // Users in lock-step would offer bursts, and measure a set's place in its burst (docs/architecture.md §10).
            Gaps gaps = new Gaps(meanGapNanos, u);
            work.add(pool.submit(() -> {
                for (long next = start + gaps.next(); next < end; next += gaps.next()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    stream.posted(next);
                    FootingClient.check(api.postSet(stream.user, stream.session), 201);
                    post.add(millisSince(next));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = window.seconds();
        long sent = streams.stream().mapToLong(s -> s.sent.get()).sum();
        Map<String, Double> perSet = window.perItem(sent);
        // Per set, what batches at this rate: the relay's passes (the broker's Produce requests) and stats-service's
        // transactions (the stats database's commits: its applies and the live publisher's summary reads together).
        Map<String, Double> workPerSet = WorkCounts.perItem(countsBefore, counts.snapshot(), sent);
        pool.shutdown();
        // What the streams had not yet shown when the load stopped, then a bounded wait for the rest.
        long behindAtEnd = 0;
        Thread.sleep(1000);
        for (UserStream s : streams) {
            behindAtEnd += s.pending();
        }
        for (UserStream s : streams) {
            s.live.close();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("targetRate", rate);
        figures.put("achievedRate", sent / seconds);
        figures.put("post", Report.latency(post));
        figures.put("visible", Report.latency(visible));
        figures.put("behindAtEnd", behindAtEnd);
        figures.put("cpuMicrosPerSet", perSet);
        figures.put("workPerSet", workPerSet);
        if (!record) {
            return figures;
        }
        report.section("freshness", figures);
        printPerSet(perSet, workPerSet);
        System.out.printf("  sent %,.0f sets/s; POST → 201 %s; POST → visible (on /live) %s; not visible 1 s after the end: %d%n",
                sent / seconds, latencyText(figures, "post"), latencyText(figures, "visible"), behindAtEnd);
        return figures;
    }

    /** Exponentially distributed gaps between one user's sets (a Poisson stream), in nanoseconds. */
    private static final class Gaps {
        private final double mean;
        private final SplittableRandom random;

        Gaps(double meanNanos, long seed) {
            this.mean = meanNanos;
            this.random = new SplittableRandom(seed);
        }

        long next() {
            return (long) (-mean * Math.log(1 - random.nextDouble()));
        }
    }

    /** One user of the freshness run: send times of its sets, matched to the counts its stream pushes. */
    private static final class UserStream {
        final String user;
        final UUID session;
        final long base;
        final List<Double> visible;
        final AtomicLong sent = new AtomicLong();
        final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        volatile long seen;
        LiveStream live;

        UserStream(String user, UUID session, long base, List<Double> visible) {
            this.user = user;
            this.session = session;
            this.base = base;
            this.visible = visible;
        }

        void posted(long nanos) {
            sentAt.put(sent.incrementAndGet(), nanos);
        }

        /** The stream says the user has {@code total} sets: every set up to that one is now visible. */
        synchronized void counted(long total) {
            long now = System.nanoTime();
            for (long n = seen + 1; n <= total - base; n++) {
                Long at = sentAt.remove(n);
                if (at != null) {
                    visible.add((now - at) / 1e6);
                }
            }
            seen = Math.max(seen, total - base);
        }

        long pending() {
            return sent.get() - seen;
        }
    }

    /**
     * Open loop: requests leave at {@code rate} per second whatever the answers, for {@code duration},
     * with at most {@value #MAX_OUTSTANDING} unanswered at once. Each unanswered request holds a
     * connection, and the broker shares this JVM's file descriptors: without the bound a slow service
     * made the generator open connections until the broker could open no file. The offered rate
     * actually reached is reported.
     */
    private Map<String, Object> overload(double rate, Duration duration) throws Exception {
        List<String> userIds = loadUsers("over", 64);
        List<UUID> sessions = settledSessions(userIds);
        long before = appliedSets(userIds);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong created = new AtomicLong();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        java.util.concurrent.Semaphore outstanding = new java.util.concurrent.Semaphore(MAX_OUTSTANDING);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int i = 0;
        for (long next = start; next < end; next += intervalNanos, i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            outstanding.acquire();
            int u = i % userIds.size();
            inFlight.add(api.postSetAsync(userIds.get(u), sessions.get(u), Duration.ofSeconds(10)).handle((response, error) -> {
                outstanding.release();
                String key = error != null ? "timeout or error" : String.valueOf(response.statusCode());
                statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                if (response != null && response.statusCode() == 201) {
                    created.incrementAndGet();
                }
                if (response != null && response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                    withoutRetryAfter.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get();
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean only = statuses.keySet().stream().allMatch(k -> k.equals("201") || k.equals("503")) && withoutRetryAfter.get() == 0;
        boolean counted = awaitCount(userIds, before + created.get(), Duration.ofSeconds(120));
        // Exactly once: nothing more shows up after the count was reached.
        Thread.sleep(2000);
        boolean exactly = counted && appliedSets(userIds) == before + created.get();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("targetRate", rate);
        figures.put("offeredRate", i / seconds);
        figures.put("requests", i);
        figures.put("acceptedPerSecond", created.get() / seconds);
        figures.put("statuses", new TreeMap<>(statuses));
        figures.put("503WithoutRetryAfter", withoutRetryAfter.get());
        figures.put("only201Or503", only);
        figures.put("countedExactlyOnce", exactly);
        report.section("overload", figures);
        System.out.printf("  offered %,d requests (%,.0f/s); statuses %s; accepted %,.0f sets/s; every 201 counted exactly once: %s%n",
                i, i / seconds, new TreeMap<>(statuses), created.get() / seconds, exactly);
        return figures;
    }

    private boolean awaitCount(List<String> users, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (appliedSets(users) >= expected) {
                return appliedSets(users) == expected;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** {@code count} users of a scenario, each with an account and a token. */
    private List<String> loadUsers(String label, int count) throws Exception {
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            userIds.add("bench-" + run + "-" + label + "-" + u);
        }
        users.prepare(userIds);
        return userIds;
    }

    /** A session per user, each with its settling workout counted ({@link #awaitReplica(String, UUID)}). */
    private List<UUID> settledSessions(List<String> userIds) throws Exception {
        List<UUID> sessions = new ArrayList<>();
        for (String user : userIds) {
            UUID session = UUID.randomUUID();
            awaitReplica(user, session);
            sessions.add(session);
        }
        return sessions;
    }

    private void awaitReplica(String user) throws Exception {
        awaitReplica(user, UUID.randomUUID());
    }

    /**
     * Posts a first workout of 50 sets (and so creates the session) until session-service's catalog
     * replica knows the exercise, then waits until stats counted it: what a scenario measures starts
     * from a settled count.
     */
    private void awaitReplica(String user, UUID session) throws Exception {
        long before = api.setsCounted(user);
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> response = api.postWorkout(session, user, Instant.now().minusSeconds(3600), 50);
            if (response.statusCode() == 201) {
                if (!awaitCount(List.of(user), before + 50, Duration.ofSeconds(60))) {
                    throw new IllegalStateException("stats-service did not count the first workout of " + user);
                }
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("session-service never accepted the benchmark exercise");
    }

    private long appliedSets(List<String> users) throws Exception {
        long total = 0;
        for (String user : users) {
            total += api.setsCounted(user);
        }
        return total;
    }

    private static Map<String, Object> runFigures(DatabaseBaseline.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", run.items());
        m.put("seconds", run.seconds());
        m.put("perSecond", run.perSecond());
        m.put("cpuMicrosPerItem", run.cpuMicrosPerItem());
        return m;
    }

    /** The baseline's CPU per row set: PostgreSQL and the JDBC client threads. */
    private static double databaseCpu(DatabaseBaseline.Run run) {
        return run.cpuMicrosPerItem().get("postgresql") + run.cpuMicrosPerItem().get("load generator");
    }

    @SuppressWarnings("unchecked")
    private static double p(Map<String, Object> figures, String which, String percentile) {
        return ((Number) ((Map<String, Object>) figures.get(which)).get(percentile)).doubleValue();
    }

    private static String latencyText(Map<String, Object> figures, String which) {
        return "p50 %.1f ms, p99 %.1f ms".formatted(p(figures, which, "p50Ms"), p(figures, which, "p99Ms"));
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
