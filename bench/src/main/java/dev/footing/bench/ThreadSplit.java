package dev.footing.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's CPU time over a measured window split by what its threads do (request workers, event
 * loops, Kafka's and SmallRye's threads, the VM thread where the serial collector runs, the JIT),
 * from {@code /proc/<pid>/task/<tid>/stat}. JFR's execution samples cover only threads running Java
 * code, so they rank methods but cannot tell, for instance, what share of a process the collector
 * takes (docs/architecture.md §10, "thread by thread"). A thread that ends within the window takes its
 * time with it: that time, and any thread of no group below, is "other" (the process's own total
 * less the groups), so the groups add up to about the process's figure (read a moment apart from
 * {@link CpuMeter}'s). Threads are counted in whole ticks (10 ms): at 10,000 sets a tick is 1 µs per set,
 * so a small group is good to about that; a larger ingest ({@code -Dbench.users=100}) splits finer.
 */
final class ThreadSplit {

    /** Thread names (as {@code /proc} truncates them, 15 characters) by prefix, to the group they count for. */
    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("executor-thread", "workers"),
            Map.entry("vert.x-eventloo", "event loops"),
            Map.entry("kafka-producer-", "Kafka producer"),
            Map.entry("smallrye-kafka-", "SmallRye Kafka"),
            Map.entry("VM Thread", "VM thread (serial GC)"),
            Map.entry("GC Thread", "GC threads"),
            Map.entry("G1 ", "GC threads"),
            Map.entry("C1 CompilerThre", "JIT"),
            Map.entry("C2 CompilerThre", "JIT"));

    private final Map<String, Long> pids;

    ThreadSplit(Map<String, Long> pids) {
        this.pids = pids;
    }

    Window start() {
        Map<String, Long> processTicks = new LinkedHashMap<>();
        Map<String, Map<Long, Procs.ThreadTime>> threads = new LinkedHashMap<>();
        pids.forEach((service, pid) -> {
            processTicks.put(service, Procs.ticks(pid));
            threads.put(service, Procs.threads(pid));
        });
        return new Window(processTicks, threads);
    }

    final class Window {

        private final Map<String, Long> processTicks;
        private final Map<String, Map<Long, Procs.ThreadTime>> threads;

        private Window(Map<String, Long> processTicks, Map<String, Map<Long, Procs.ThreadTime>> threads) {
            this.processTicks = processTicks;
            this.threads = threads;
        }

        /** Per service, microseconds of CPU per item for each group and "other" (every group, 0 when it took none). */
        Map<String, Map<String, Double>> perItem(long items) {
            Map<String, Map<String, Double>> result = new LinkedHashMap<>();
            pids.forEach((service, pid) -> {
                Map<Long, Procs.ThreadTime> end = Procs.threads(pid);
                long total = Procs.ticks(pid) - processTicks.getOrDefault(service, 0L);
                Map<Long, Procs.ThreadTime> before = threads.getOrDefault(service, Map.of());
                Map<String, Long> groups = new LinkedHashMap<>();
                GROUPS.forEach(g -> groups.putIfAbsent(g.getValue(), 0L));
                long grouped = 0;
                for (Map.Entry<Long, Procs.ThreadTime> thread : end.entrySet()) {
                    String group = groupOf(thread.getValue().name());
                    if (group != null) {
                        Procs.ThreadTime atStart = before.get(thread.getKey());
                        long ticks = Math.max(0, thread.getValue().ticks() - (atStart == null ? 0 : atStart.ticks()));
                        groups.merge(group, ticks, Long::sum);
                        grouped += ticks;
                    }
                }
                groups.put("other", Math.max(0, total - grouped));
                Map<String, Double> micros = new LinkedHashMap<>();
                groups.forEach((group, ticks) -> micros.put(group, CpuMeter.micros(ticks) / items));
                result.put(service, micros);
            });
            return result;
        }
    }

    private static String groupOf(String threadName) {
        if (threadName == null) {
            return null;
        }
        for (Map.Entry<String, String> group : GROUPS) {
            if (threadName.startsWith(group.getKey())) {
                return group.getValue();
            }
        }
        return null;
    }
}
