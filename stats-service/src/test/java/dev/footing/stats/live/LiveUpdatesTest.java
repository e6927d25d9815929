package dev.footing.stats.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.footing.stats.facts.Totals;
import dev.footing.stats.streak.DailyStreak;
import dev.footing.stats.streak.WeeklyStreak;
import dev.footing.stats.summary.Summary;
import dev.footing.stats.summary.SummaryService;
import dev.footing.stats.summary.WeekTotals;

class LiveUpdatesTest {

    private static Summary summaryAfter(long eventsApplied) {
        Totals totals = new Totals(1, eventsApplied, 10 * eventsApplied, 0, 0, 1);
        return new Summary("ana", LocalDate.of(2027, 1, 7), "UTC", eventsApplied, null, null, totals,
                WeekTotals.of("2027-W01", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 10), totals),
                new DailyStreak(0, null, null, 0, null, null),
                new WeeklyStreak(1, 0, null, null, "2027-W01", 0, false, 0, null, null));
    }

    /**
     * A client connects while a set is applied: its first summary is read before the commit but sent
     * after the consumer has pushed the new one. The old summary must not be the last word: nothing
     * would correct it until the user's next event.
     */
    @Test
    void firstSummaryReadBeforeAnUpdateIsNotSentAfterIt() {
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch updatePushed = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        LiveUpdates live = new LiveUpdates();
        live.summaries = new SummaryService() {
            @Override
            public Map<String, Summary> summaries(Collection<String> userIds, LocalDate asOf) {
                if (first.getAndSet(false)) {
                    firstRead.countDown();
                    try {
                        updatePushed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Map.of("ana", summaryAfter(4));
                }
                return Map.of("ana", summaryAfter(5));
            }
        };
        List<Long> received = new CopyOnWriteArrayList<>();
        live.stream("ana", "ana").subscribe().with(s -> received.add(s.eventsApplied()));
        try {
            firstRead.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        live.publish(Set.of("ana"));
        updatePushed.countDown();
        // Give the connecting client's worker time to send what it read.
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        assertThat(received).last().isEqualTo(5L);
    }

    /**
     * The consumer hands the changed users over and goes on: it never waits while a dashboard's
     * summary is read. Batches that touch a user while a summary is being read are merged into one
     * more summary, the newest numbers, not one per batch.
     */
    @Test
    @Timeout(20)
    void batchesDoNotWaitForSummariesAndMergeWhileOneIsRead() throws InterruptedException {
        CountDownLatch readingAfterFirstBatch = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicLong applied = new AtomicLong();
        LiveUpdates live = new LiveUpdates();
        live.summaries = new SummaryService() {
            @Override
            public Map<String, Summary> summaries(Collection<String> userIds, LocalDate asOf) {
                int read = reads.incrementAndGet();
                long seen = applied.get();
                if (read == 2) {
                    readingAfterFirstBatch.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Map.of("ana", summaryAfter(seen));
            }
        };
        List<Long> received = new CopyOnWriteArrayList<>();
        live.stream("ana", "ana").subscribe().with(s -> received.add(s.eventsApplied()));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

        applied.set(1);
        live.publish(Set.of("ana"));
        assertThat(readingAfterFirstBatch.await(5, TimeUnit.SECONDS)).isTrue();
        // Three more batches while that summary is being read: each call returns at once.
        for (long events = 2; events <= 4; events++) {
            applied.set(events);
            live.publish(Set.of("ana", "ben"));
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
        assertThat(received).containsExactly(0L, 1L, 4L);
        assertThat(reads).hasValue(3);
    }

    /**
     * A commit can be noticed twice (the consumer's push and the poll for other instances): the
     * client gets its summary once. A summary that differs in anything, such as a new weekly goal
     * with the same events, is sent.
     */
    @Test
    void aSummaryEqualToTheLastSentIsNotSentAgain() {
        AtomicLong applied = new AtomicLong();
        AtomicInteger goal = new AtomicInteger(1);
        AtomicInteger reads = new AtomicInteger();
        LiveUpdates live = new LiveUpdates();
        live.summaries = new SummaryService() {
            @Override
            public Map<String, Summary> summaries(Collection<String> userIds, LocalDate asOf) {
                reads.incrementAndGet();
                Summary summary = summaryAfter(applied.get());
                WeeklyStreak weekly = summary.weeklyStreak();
                return Map.of("ana", new Summary(summary.userId(), summary.asOf(), summary.timezone(),
                        summary.eventsApplied(), null, null, summary.allTime(), summary.thisWeek(), summary.dailyStreak(),
                        new WeeklyStreak(goal.get(), weekly.current(), null, null, weekly.thisWeek(), 0, false, 0, null, null)));
            }
        };
        List<Summary> received = new CopyOnWriteArrayList<>();
        live.stream("ana", "ana").subscribe().with(received::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);

        applied.set(1);
        live.publish(Set.of("ana"));
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 2);
        live.publish(Set.of("ana"));
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 3);
        goal.set(3);
        live.publish(Set.of("ana"));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);

        assertThat(received).extracting(Summary::eventsApplied).containsExactly(0L, 1L, 1L);
        assertThat(received).extracting(s -> s.weeklyStreak().goal()).containsExactly(1, 1, 3);
    }
}
