package dev.footing.stats.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;

import dev.footing.stats.summary.Summary;
import dev.footing.stats.summary.SummaryService;

/**
 * In-process broadcaster of summaries: a subscriber gets the current summary at once, then a
 * new one after each committed batch that applied an event of its user. Only the instance
 * that consumes the user's partition publishes (see README: scale-out).
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    @Inject
    SummaryService summaries;

    private final Map<String, Set<MultiEmitter<? super Summary>>> subscribers = new ConcurrentHashMap<>();

    public Multi<Summary> stream(String userId) {
        return Multi.createFrom().emitter(emitter -> {
            // Subscribe before reading the first summary, so no update can fall between the two.
            subscribers.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>()).add(emitter);
            emitter.onTermination(() -> subscribers.computeIfPresent(userId, (u, set) -> {
                set.remove(emitter);
                return set.isEmpty() ? null : set;
            }));
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    emitter.emit(summaries.summary(userId, null));
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }

    public int subscribers(String userId) {
        Set<MultiEmitter<? super Summary>> set = subscribers.get(userId);
        return set == null ? 0 : set.size();
    }

    /** Called after a commit: computes a summary only for users someone is watching. */
    public void publish(Set<String> users) {
        for (String userId : users) {
            Set<MultiEmitter<? super Summary>> emitters = subscribers.get(userId);
            if (emitters == null || emitters.isEmpty()) {
                continue;
            }
            try {
                Summary summary = summaries.summary(userId, null);
                emitters.forEach(emitter -> emitter.emit(summary));
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not publish a live summary for %s", userId);
            }
        }
    }

    /** After a rebuild every watched user may see different numbers. */
    public void publishAll() {
        publish(Set.copyOf(subscribers.keySet()));
    }
}
