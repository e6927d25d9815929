package dev.footing.session.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The relay's wake-ups, without the relay: passes on request, never two at once, no request lost. */
class PassLoopTest {

    private final AtomicInteger passes = new AtomicInteger();
    /** Tasks handed to the executor, run when the test says. */
    private final List<Runnable> started = new ArrayList<>();
    private final Executor queued = started::add;

    @Test
    void aRequestStartsAPassOnTheExecutor() {
        PassLoop loop = new PassLoop(passes::incrementAndGet, () -> true, queued);

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
        AtomicInteger lettingGo = new AtomicInteger();
        PassLoop loop = new PassLoop(() -> {
            if (passes.incrementAndGet() == 1) {
                self.get().request(); // the pass is running: nothing is handed to the executor
            }
        }, () -> true, queued, lettingGo::incrementAndGet);
        self.set(loop);

        loop.run();

        assertThat(passes).hasValue(2);
        assertThat(started).isEmpty();
        // Both passes before letting go once: the loop's own look for requests, not the look after letting go.
        assertThat(lettingGo).hasValue(1);
    }

    @Test
    void aRequestDuringAPassWaitsForTheTimerWhileFailuresAskForAPause() {
        AtomicBoolean pause = new AtomicBoolean();
        AtomicReference<PassLoop> self = new AtomicReference<>();
        PassLoop loop = new PassLoop(() -> {
            passes.incrementAndGet();
            pause.set(true); // this pass failed
            self.get().request();
        }, () -> !pause.get(), queued);
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
        PassLoop loop = new PassLoop(passes::incrementAndGet, () -> true, queued, () -> {
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
        }, () -> true, queued);
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
        });

        assertThatCode(loop::request).doesNotThrowAnyException();

        assertThat(loop.requested()).isTrue();
        loop.run(); // the timer's pass
        assertThat(passes).hasValue(1);
        assertThat(loop.requested()).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
