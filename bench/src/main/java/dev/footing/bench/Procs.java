package dev.footing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * CPU time and memory of processes and threads, read from Linux's {@code /proc}: what each process
 * of the pipeline costs per set, without instrumenting any of them.
 */
final class Procs {

    /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}; 100 on every Linux we run on. */
    static final long TICKS_PER_SECOND = 100;

    private Procs() {
    }

    /** CPU time (user + system) of a process, all its threads, in ticks; 0 once it is gone. */
    static long ticks(long pid) {
        String[] f = statFields(Path.of("/proc", String.valueOf(pid), "stat"));
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * CPU time of a process and of all its descendants, in ticks: the live ones' own time, and the
     * exited ones' through their parents' "children" times (PostgreSQL backends come and go).
     */
    static long treeTicks(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, String[]> stats = new HashMap<>();
        forEachProcess(pid -> {
            String[] f = statFields(Path.of("/proc", String.valueOf(pid), "stat"));
            if (f != null) {
                stats.put(pid, f);
                children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(pid);
            }
        });
        long total = 0;
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.remove(todo.size() - 1);
            String[] f = stats.get(pid);
            if (f != null) {
                total += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return total;
    }

    /** A live thread: its (15-character) name and its CPU time (user + system) in ticks. */
    record ThreadTime(String name, long ticks) {
    }

    /** CPU time of this JVM's live threads whose name matches, in ticks. */
    static long ownThreadTicks(Predicate<String> name) {
        return threads(ProcessHandle.current().pid()).values().stream()
                .filter(t -> name.test(t.name())).mapToLong(ThreadTime::ticks).sum();
    }

    /** The live threads of a process by thread id; none once it is gone. */
    static Map<Long, ThreadTime> threads(long pid) {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                String stat = read(task.resolve("stat"));
                if (stat != null) {
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTime(
                            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), Long.parseLong(f[11]) + Long.parseLong(f[12])));
                }
            }
        } catch (IOException e) {
            return threads; // the process has gone
        }
        return threads;
    }

    /** The first process whose command line (arguments joined by spaces) matches. */
    static OptionalLong find(Predicate<String> commandLine) {
        long[] found = {-1};
        forEachProcess(pid -> {
            if (found[0] < 0) {
                String cmd = read(Path.of("/proc", String.valueOf(pid), "cmdline"));
                if (cmd != null && commandLine.test(cmd.replace('\0', ' '))) {
                    found[0] = pid;
                }
            }
        });
        return found[0] < 0 ? OptionalLong.empty() : OptionalLong.of(found[0]);
    }

    /** Resident set size in MiB. */
    static long residentMiB(long pid) {
        String status = read(Path.of("/proc", String.valueOf(pid), "status"));
        if (status != null) {
            for (String line : status.split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        return -1;
    }

    static long ownPid() {
        return ProcessHandle.current().pid();
    }

    /** Fields after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] statFields(Path stat) {
        String s = read(stat);
        return s == null ? null : s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    private interface PidConsumer {
        void accept(long pid);
    }

    private static void forEachProcess(PidConsumer consumer) {
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                consumer.accept(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // the process or thread has gone
        }
    }
}
