package dev.footing.stats.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

import dev.footing.stats.access.ShareStopped;
import dev.footing.stats.config.StatsConfig;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.goal.GoalChanged;
import dev.footing.stats.summary.Summary;
import dev.footing.stats.summary.SummaryService;

/**
 * Broadcaster of summaries: a subscriber gets the current summary at once, then a new one after
 * each committed batch that applied an event of its user.
 *
 * <p>With several instances, the user's partition may be consumed by another instance than the
 * one holding the connection. So besides the push from the local consumer, every second the
 * watched users' applied-event counts are read from the shared database (a row per user, kept by the
 * apply statement: {@code user_totals}), and a changed count sends the new summary. A client is never
 * sent the summary it already has: the poll and the push may both notice one commit.
 *
 * <p>Summaries are read and sent on a publisher thread of their own, not on the consumer's: the
 * consumer marks the users a batch changed and goes on to the next batch. Marks that arrive while
 * the publisher works are merged, so under load a watched user gets one summary per round of the
 * publisher, however many batches touched them, and the consumer never waits for a dashboard. A
 * round reads the summaries of all its users at once (one statement, whatever their number).
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    @Inject
    SummaryService summaries;

    @Inject
    CountedSets sets;

    @Inject
    StatsConfig config;

    private final Map<String, Set<Client>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Long> sentEventsApplied = new ConcurrentHashMap<>();
    /** Numbers every summary read in the order the reads start: a later read saw at least what an earlier one saw. */
    private final AtomicLong reads = new AtomicLong();
    private ScheduledExecutorService poller;
    /** Watched users whose summary changed since it was last read. */
    private final Set<String> toPublish = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean publishScheduled = new AtomicBoolean();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stats-live-publisher");
        thread.setDaemon(true);
        return thread;
    });

    @PostConstruct
    void startPolling() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stats-live-poller");
            thread.setDaemon(true);
            return thread;
        });
        long pollIntervalMs = config.live().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollOtherInstances, pollIntervalMs, pollIntervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * On SIGTERM (a rollout): readiness is already down, so a dashboard that reconnects reaches
     * another instance. Ending the streams now lets the graceful shutdown finish at once instead of
     * waiting its whole timeout for streams that never end by themselves.
     */
    void endStreams(@Observes ShutdownDelayInitiatedEvent event) {
        subscribers.values().forEach(clients -> clients.forEach(Client::end));
    }

    @PreDestroy
    void stopPolling() {
        poller.shutdownNow();
        publisher.shutdownNow();
    }

    void pollOtherInstances() {
        Set<String> watched = Set.copyOf(subscribers.keySet());
        if (watched.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> counts = sets.eventsApplied(watched);
            Set<String> changed = watched.stream()
                    .filter(user -> !counts.getOrDefault(user, 0L).equals(sentEventsApplied.get(user)))
                    .collect(Collectors.toSet());
            publish(changed);
        } catch (RuntimeException e) {
            LOG.warnf("live poll failed (next round in %s): %s", config.live().pollInterval(), e.getMessage());
        }
    }

    /** {@code watcherId}: who is watching (the user, an admin or a viewer), so a stopped share can end the stream. */
    public Multi<Summary> stream(String userId, String watcherId) {
        return Multi.createFrom().emitter(emitter -> {
            // Subscribe before reading the first summary, so no update can fall between the two.
            Client client = new Client(emitter, watcherId);
            subscribers.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>()).add(client);
            emitter.onTermination(() -> subscribers.computeIfPresent(userId, (u, set) -> {
                set.remove(client);
                if (set.isEmpty()) {
                    sentEventsApplied.remove(u);
                    return null;
                }
                return set;
            }));
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    long read = reads.incrementAndGet();
                    Summary first = summaries.summary(userId, null);
                    sentEventsApplied.putIfAbsent(userId, first.eventsApplied());
                    client.send(read, first);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }

    public int subscribers(String userId) {
        Set<Client> set = subscribers.get(userId);
        return set == null ? 0 : set.size();
    }

    /**
     * Called after a commit: the users someone is watching among these get a new summary soon, read
     * after this call (so it shows the commit) on the publisher thread. Returns at once.
     */
    public void publish(Set<String> users) {
        boolean any = false;
        for (String userId : users) {
            if (subscribers.containsKey(userId)) {
                toPublish.add(userId);
                any = true;
            }
        }
        if (any && publishScheduled.compareAndSet(false, true)) {
            try {
                publisher.execute(this::publishChanged);
            } catch (RejectedExecutionException shuttingDown) {
                // After shutdown began nobody is sent anything more; the caller's commit stands.
                publishScheduled.set(false);
            }
        }
    }

    private void publishChanged() {
        // From here on a new mark schedules another round: none can fall between this round's reads.
        publishScheduled.set(false);
        List<String> users = new ArrayList<>();
        for (String userId : List.copyOf(toPublish)) {
            toPublish.remove(userId);
            Set<Client> clients = subscribers.get(userId);
            if (clients != null && !clients.isEmpty()) {
                users.add(userId);
            }
        }
        if (users.isEmpty()) {
            return;
        }
        // Every user of the round in one read (two statements, however many users): see SummaryService.summaries.
        try {
            long read = reads.incrementAndGet();
            summaries.summaries(users, null).forEach((userId, summary) -> {
                sentEventsApplied.put(userId, summary.eventsApplied());
                Set<Client> clients = subscribers.get(userId);
                if (clients != null) {
                    clients.forEach(client -> client.send(read, summary));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not publish live summaries for %s", users);
        }
    }

    /**
     * A viewer who lost the share stops receiving the user's numbers at once (on this instance; a stream
     * held by another instance ends when the viewer reconnects and is refused).
     */
    void onGoalChanged(@Observes GoalChanged changed) {
        publish(Set.of(changed.userId()));
    }

    void endStreamsOf(@Observes ShareStopped stopped) {
        Set<Client> clients = subscribers.get(stopped.userId());
        if (clients != null) {
            clients.stream().filter(client -> client.watcherId.equals(stopped.viewerId())).forEach(Client::end);
        }
    }

    /** After a rebuild every watched user may see different numbers. */
    public void publishAll() {
        publish(Set.copyOf(subscribers.keySet()));
    }

    /**
     * One connected client. Summaries are read on several threads (its first one, the consumer's push,
     * the poll for other instances) and may be ready out of order: one read before a newer one was
     * sent is dropped, or the client would keep the stale numbers until the user's next event. One
     * equal to the last sent is dropped too (a commit seen by both the push and the poll): a
     * dashboard counts on each message being news.
     */
    private static final class Client {
        private final MultiEmitter<? super Summary> emitter;
        private final String watcherId;
        private long lastRead;
        private Summary lastSent;

        Client(MultiEmitter<? super Summary> emitter, String watcherId) {
            this.emitter = emitter;
            this.watcherId = watcherId;
        }

        synchronized void end() {
            emitter.complete();
        }

        synchronized void send(long read, Summary summary) {
            if (read > lastRead) {
                lastRead = read;
                if (!summary.equals(lastSent)) {
                    lastSent = summary;
                    emitter.emit(summary);
                }
            }
        }
    }
}
