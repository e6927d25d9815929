package dev.footing.stats.rebuild;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import dev.footing.common.problem.ProblemException;
import dev.footing.stats.live.LiveUpdates;
import dev.footing.stats.rebuild.RebuildStatus.State;

/**
 * Rebuild runs and their status: one at a time across instances ({@link RebuildLock}), each on its own
 * thread: fresh copies, the {@link TopicReplay}, then the {@link TableSwap}. The live consumer never
 * stops and queries answer from the live tables until the swap.
 */
@ApplicationScoped
public class RebuildJobs {

    private static final Logger LOG = Logger.getLogger(RebuildJobs.class);

    private final DataSource dataSource;
    private final TopicReplay replay;
    private final TableSwap tables;
    private final LiveUpdates live;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stats-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, RebuildRun> runs = new ConcurrentHashMap<>();
    private volatile RebuildRun latest;

    @Inject
    public RebuildJobs(DataSource dataSource, TopicReplay replay, TableSwap tables, LiveUpdates live, Clock clock) {
        this.dataSource = dataSource;
        this.replay = replay;
        this.tables = tables;
        this.live = live;
        this.clock = clock;
    }

    public synchronized RebuildStatus start() {
        if (latest != null && latest.state == State.RUNNING) {
            throw ProblemException.conflict("rebuild " + latest.id + " is still running");
        }
        RebuildLock lock = RebuildLock.take(dataSource);
        RebuildRun run = new RebuildRun(UUID.randomUUID(), clock.instant());
        runs.put(run.id, run);
        latest = run;
        try {
            executor.submit(() -> execute(run, lock));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return run.status();
    }

    public Optional<RebuildStatus> status(UUID id) {
        return Optional.ofNullable(runs.get(id)).map(RebuildRun::status);
    }

    public Optional<RebuildStatus> latest() {
        return Optional.ofNullable(latest).map(RebuildRun::status);
    }

    @PreDestroy
    public void shutdown() {
        executor.shutdownNow();
    }

    /** Releases the lock before the run reads as finished: a rebuild asked for right after must not find it held. */
    private void execute(RebuildRun run, RebuildLock lock) {
        State outcome = State.FAILED;
        String error = null;
        try (lock) {
            tables.prepareCopies();
            Map<TopicPartition, Long> end = replay.replay(run);
            run.caughtUp = tables.swap(end);
            outcome = State.SUCCEEDED;
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed", run.id);
            error = e.toString();
        }
        run.finish(outcome, clock.instant(), error);
        if (outcome == State.SUCCEEDED) {
            LOG.infof("rebuild %s done: %d records read, %d events applied, %d carried over", run.id, run.read,
                    run.applied, run.caughtUp);
            live.publishAll();
        }
    }
}
