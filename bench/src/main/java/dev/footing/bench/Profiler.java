package dev.footing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Java Flight Recorder on the services during the ingest, when asked for ({@code -Dbench.jfr=true}):
 * one recording per service in {@code bench/target/jfr/}, to be read with {@code jfr print} or JDK
 * Mission Control. Off by default: profiling costs a little CPU.
 */
final class Profiler {

    private final Map<String, Long> pids;
    private final Path dir;
    private final boolean enabled = Boolean.getBoolean("bench.jfr");

    Profiler(Map<String, Long> pids, Path dir) {
        this.pids = pids;
        this.dir = dir;
    }

    /** Starts one recording per service, written to {@code <service>-<scenario>.jfr}. */
    void start(String scenario) throws IOException, InterruptedException {
        if (enabled) {
            Files.createDirectories(dir);
            for (Map.Entry<String, Long> service : pids.entrySet()) {
                jcmd(service.getValue(), "JFR.start", "name=bench", "settings=profile",
                        "filename=" + dir.resolve(service.getKey() + "-" + scenario + ".jfr").toAbsolutePath());
            }
        }
    }

    void stop() throws IOException, InterruptedException {
        if (enabled) {
            for (Map.Entry<String, Long> service : pids.entrySet()) {
                jcmd(service.getValue(), "JFR.stop", "name=bench");
            }
            System.out.println("  flight recordings: " + dir);
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> args = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for pid " + pid);
        }
    }
}
