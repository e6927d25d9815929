package dev.footing.session.outbox;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * Runs a pass on request, never two at once, and again while requests arrive during a pass; no request
 * is lost between the end of a pass and the next one. The relay's wake-ups go through it
 * ({@link OutboxRelayRunner}); it knows nothing of the relay, so its one subtle part is tested alone
 * ({@code PassLoopTest}).
 *
 * <p>Why not a single-thread executor with a queue: requests come after every write, and all that must
 * happen is that one pass starts after the last of them; a queue would run a pass per request or need
 * this flag anyway to coalesce them.
 */
final class PassLoop {

    private static final Logger LOG = Logger.getLogger(PassLoop.class);

    private final Runnable pass;
    private final BooleanSupplier mayRepeat;
    private final Executor executor;
    private final Runnable afterLastLook;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean requested;

    /**
     * @param pass      one pass; it handles its own failures
     * @param mayRepeat whether requests that came during a pass may start the next one at once (false while
     *                  failures ask for a pause: then the caller's timer runs the next pass)
     * @param executor  where a request starts a pass when none is running
     */
    PassLoop(Runnable pass, BooleanSupplier mayRepeat, Executor executor) {
        this(pass, mayRepeat, executor, () -> {
        });
    }

    /** With {@code afterLastLook} run by each pass after its last look for requests, before it lets go. */
    PassLoop(Runnable pass, BooleanSupplier mayRepeat, Executor executor, Runnable afterLastLook) {
        this.pass = pass;
        this.mayRepeat = mayRepeat;
        this.executor = executor;
        this.afterLastLook = afterLastLook;
    }

    /**
     * Asks for a pass: starts one on the executor unless one is running, which then runs again. Never throws:
     * if the executor refuses (it is shutting down), the request stays and the caller's timer takes it.
     */
    void request() {
        requested = true;
        if (!busy.get()) {
            try {
                executor.execute(this::run);
            } catch (RejectedExecutionException e) {
                LOG.debugf("pass not started now (%s); the next tick runs it", e.getMessage());
            }
        }
    }

    /** A request that no pass has taken yet. */
    boolean requested() {
        return requested;
    }

    /** Runs passes on this thread while requests arrive; returns at once if another thread is running them. */
    void run() {
        while (busy.compareAndSet(false, true)) {
            try {
                do {
                    requested = false;
                    pass.run();
                } while (moreWanted());
                afterLastLook.run();
            } finally {
                busy.set(false);
            }
            // A request that came after the loop's last look saw `busy` still set and started nothing; without
            // this look it would wait for the timer. Both fields are volatile: a request writes `requested` then
            // reads `busy`, this thread writes `busy` then reads `requested`, so at least one of the two sees
            // the other's write (if both do, one compareAndSet fails and one pass runs).
            if (!moreWanted()) {
                return;
            }
        }
    }

    private boolean moreWanted() {
        return requested && mayRepeat.getAsBoolean();
    }
}
