package dev.footing.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * CPU time of each process of the pipeline over a measured window, as microseconds per item
 * (per set accepted, per event applied). The broker runs inside this JVM: its share is this JVM's
 * time minus the load generator's own threads (named {@code load-*}, {@code baseline-*} and the
 * HTTP client's), so the JVM's runtime threads (JIT, GC) are counted with the broker.
 */
final class CpuMeter {

    static final Predicate<String> LOAD_THREADS = name -> name.startsWith("load-") || name.startsWith("baseline-")
            || name.startsWith("HttpClient");

    private final Map<String, LongSupplier> roles = new LinkedHashMap<>();

    CpuMeter process(String role, long pid) {
        roles.put(role, () -> Procs.ticks(pid));
        return this;
    }

    CpuMeter processTree(String role, long pid) {
        roles.put(role, () -> Procs.treeTicks(pid));
        return this;
    }

    CpuMeter processIfFound(String role, OptionalLong pid) {
        pid.ifPresent(p -> process(role, p));
        return this;
    }

    /** The broker (this JVM minus the load threads) and the load generator (the load threads). */
    CpuMeter ownJvm() {
        long self = Procs.ownPid();
        roles.put("broker", () -> Procs.ticks(self) - Procs.ownThreadTicks(LOAD_THREADS));
        roles.put("load generator", () -> Procs.ownThreadTicks(LOAD_THREADS));
        return this;
    }

    Window start() {
        return new Window(snapshot(), System.nanoTime());
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        roles.forEach((role, supplier) -> ticks.put(role, supplier.getAsLong()));
        return ticks;
    }

    /** A measured window: {@link #perItem(long)} once the work is done. */
    final class Window {

        private final Map<String, Long> start;
        private final long startNanos;

        private Window(Map<String, Long> start, long startNanos) {
            this.start = start;
            this.startNanos = startNanos;
        }

        /** Microseconds of CPU per item for each role, and the machine total as "all". */
        Map<String, Double> perItem(long items) {
            Map<String, Long> end = snapshot();
            Map<String, Double> result = new LinkedHashMap<>();
            long all = 0;
            for (Map.Entry<String, Long> role : end.entrySet()) {
                long ticks = Math.max(0, role.getValue() - start.getOrDefault(role.getKey(), 0L));
                all += ticks;
                result.put(role.getKey(), micros(ticks) / items);
            }
            result.put("all", micros(all) / items);
            return result;
        }

        double seconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }
    }

    static double micros(long ticks) {
        return ticks * 1_000_000.0 / Procs.TICKS_PER_SECOND;
    }
}
