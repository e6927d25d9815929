package dev.footing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark's results: the raw figures by section (written to {@code bench-results.json}) and a
 * table of the headline figures with their targets (printed).
 */
final class Report {

    /** One line of the table; {@code met} is null where there is no target. */
    record Line(String what, String measured, String target, Boolean met) {
    }

    private final Map<String, Object> sections = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();

    Report() {
        sections.put("date", Instant.now().toString());
        sections.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version")));
    }

    void section(String name, Map<String, Object> figures) {
        sections.put(name, figures);
    }

    void line(String what, String measured) {
        lines.add(new Line(what, measured, "", null));
    }

    void line(String what, String measured, String target, boolean met) {
        lines.add(new Line(what, measured, target, met));
    }

    void print() {
        int w = lines.stream().mapToInt(l -> l.what().length()).max().orElse(10);
        int m = lines.stream().mapToInt(l -> l.measured().length()).max().orElse(10);
        System.out.println();
        System.out.printf("%-" + w + "s  %-" + m + "s  %s%n", "what", "measured", "target");
        System.out.println("-".repeat(w + m + 30));
        for (Line l : lines) {
            String verdict = l.met() == null ? "" : (l.met() ? "  met" : "  NOT MET");
            System.out.printf("%-" + w + "s  %-" + m + "s  %s%s%n", l.what(), l.measured(), l.target(), verdict);
        }
    }

    void write(Path file) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(sections);
        List<Map<String, Object>> table = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("what", l.what());
            row.put("measured", l.measured());
            row.put("target", l.target());
            row.put("met", l.met());
            table.add(row);
        }
        all.put("table", table);
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), all);
        System.out.println("\nWritten: " + file);
    }

    static double pct(List<Double> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
    }

    static Map<String, Object> latency(List<Double> millis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", millis.size());
        m.put("p50Ms", round(pct(millis, 50)));
        m.put("p95Ms", round(pct(millis, 95)));
        m.put("p99Ms", round(pct(millis, 99)));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
