package dev.footing.session.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The relay's wake-ups, without the relay: passes on request, never two at once, no request lost, paced. */
class PassLoopTest {

    private final AtomicInteger passes = new AtomicInteger();
    /** Tasks handed to the executor, run when the test says. */
    private final List<Runnable> started = new ArrayList<>();
    private final Executor queued = started::add;

    @Test
    void aRequestStartsAPassOnTheExecutor() {
        PassLoop loop = new PassLoop(passes::incrementAndGet, () -> true, queued, Duration.ZERO);

        loop.request();

        assertThat(passes).hasValue(0);
        assertThat(started).hasSize(1);
        started.get(0).run();
        assertThat(passes).hasValue(1);
        assertThat(loop.requested()).isFalse();
    }

    @Test
    void aRequestDuringAPassRunsOneMoreOnTheSameThread() {
        AtomicReference<PassLoop> self = new AtomicReference<>();
        PassLoop loop = new PassLoop(() -> {
            if (passes.incrementAndGet() == 1) {
                self.get().request(); // the pass is running: nothing is handed to the executor
            }
        }, () -> true, queued, Duration.ZERO);
        self.set(loop);

        loop.run();

        assertThat(passes).hasValue(2);
        assertThat(started).isEmpty();
    }

    @Test
    void aRequestDuringAPassWaitsForTheTimerWhileFailuresAskForAPause() {
        AtomicBoolean pause = new AtomicBoolean();
        AtomicReference<PassLoop> self = new AtomicReference<>();
        PassLoop loop = new PassLoop(() -> {
            passes.incrementAndGet();
            pause.set(true); // this pass failed
            self.get().request();
        }, () -> !pause.get(), queued, Duration.ZERO);
        self.set(loop);

        loop.run();

        assertThat(passes).hasValue(1);
        assertThat(loop.requested()).as("kept for the timer").isTrue();
    }

    /**
     * The lost wake-up: a request that lands after the pass's last look for requests, while it still holds the
     * loop, finds it busy and starts nothing. The look after letting go runs it (without that look, one pass).
     */
    @Test
    void aRequestAsAPassLetsGoRunsAnotherPass() {
        AtomicReference<PassLoop> self = new AtomicReference<>();
        AtomicBoolean first = new AtomicBoolean(true);
        PassLoop loop = new PassLoop(passes::incrementAndGet, () -> true, queued, Duration.ZERO, System::nanoTime, nanos -> {
        }, () -> {
            if (first.compareAndSet(true, false)) {
                self.get().request();
            }
        });
        self.set(loop);

        loop.run();

        assertThat(started).as("the request found the loop busy").isEmpty();
        assertThat(passes).hasValue(2);
        assertThat(loop.requested()).isFalse();
    }

    @Test
    void aSecondThreadDoesNotRunAPassWhileOneRuns() throws InterruptedException {
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PassLoop loop = new PassLoop(() -> {
            passes.incrementAndGet();
            inPass.countDown();
            await(release);
        }, () -> true, queued, Duration.ZERO);
        Thread runner = new Thread(loop::run);
        runner.start();
        try {
            assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();

            loop.run(); // returns at once: the other thread holds the loop

            assertThat(passes).hasValue(1);
        } finally {
            release.countDown();
            runner.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(runner.isAlive()).isFalse();
        assertThat(passes).hasValue(1);
    }

    @Test
    void aRefusedStartIsKeptForTheTimerWithoutThrowing() {
        PassLoop loop = new PassLoop(passes::incrementAndGet, () -> true, task -> {
            throw new RejectedExecutionException("shutting down");
        }, Duration.ZERO);

        assertThatCode(loop::request).doesNotThrowAnyException();

        assertThat(loop.requested()).isTrue();
        loop.run(); // the timer's pass
        assertThat(passes).hasValue(1);
        assertThat(loop.requested()).isFalse();
    }

    /** A clock the test moves, and the pauses the loop asked for (each moves the clock by as much). */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> pauses = new ArrayList<>();

    private PassLoop paced(Runnable pass, Duration interval) {
        return new PassLoop(pass, () -> true, queued, interval, now::get, nanos -> {
            pauses.add(nanos);
            now.addAndGet(nanos);
        }, () -> {
        });
    }

    @Test
    void aRequestAfterAQuietStartsAPassWithoutWaiting() {
        PassLoop loop = paced(passes::incrementAndGet, Duration.ofMillis(5));
        loop.run();
        now.addAndGet(Duration.ofMillis(50).toNanos());

        loop.run();

        assertThat(passes).hasValue(2);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aRequestSoonAfterAPassStartedWaitsForTheRestOfTheInterval() {
        PassLoop loop = paced(passes::incrementAndGet, Duration.ofMillis(5));
        loop.run();
        now.addAndGet(Duration.ofMillis(2).toNanos());

        loop.run();

        assertThat(passes).hasValue(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(3).toNanos());
    }

    @Test
    void requestsDuringAPassAreTakenByOnePassAnIntervalAfterItStarted() {
        AtomicReference<PassLoop> self = new AtomicReference<>();
        PassLoop loop = paced(() -> {
            if (passes.incrementAndGet() == 1) {
                now.addAndGet(Duration.ofMillis(1).toNanos()); // the pass takes 1 ms, three writes nudge meanwhile
                self.get().request();
                self.get().request();
                self.get().request();
            }
        }, Duration.ofMillis(5));
        self.set(loop);

        loop.run();

        assertThat(passes).as("one pass for the three").hasValue(2);
        assertThat(pauses).containsExactly(Duration.ofMillis(4).toNanos());
        assertThat(started).isEmpty();
    }

    @Test
    void noIntervalMeansNoWait() {
        PassLoop loop = paced(passes::incrementAndGet, Duration.ZERO);

        loop.run();
        loop.run();

        assertThat(passes).hasValue(2);
        assertThat(pauses).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
