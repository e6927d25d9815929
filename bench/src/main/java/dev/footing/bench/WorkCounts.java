package dev.footing.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What the database and the broker did over a measured window, per set: transactions committed in
 * each database (pg_stat_database), the broker's requests by type (its own
 * {@code kafka.network:type=RequestMetrics,name=RequestsPerSec} counters; it runs in this JVM), and,
 * when the server preloads pg_stat_statements, each statement's calls. CPU per set says which
 * process spends; these counts say on what, so a change can be judged by counts rather than timings.
 */
final class WorkCounts {

    private final Function<String, String> jdbcUrl;
    private final String user;
    private final String password;

    WorkCounts(Function<String, String> jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl.apply("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT datname, xact_commit, xact_rollback FROM pg_stat_database WHERE datname IS NOT NULL")) {
                while (rs.next()) {
                    counts.put("pg commit " + rs.getString(1), rs.getLong(2));
                    counts.put("pg rollback " + rs.getString(1), rs.getLong(3));
                }
            }
            if (statementsTracked(statement)) {
                try (ResultSet rs = statement.executeQuery("SELECT d.datname, s.query, s.calls FROM pg_stat_statements s"
                        + " JOIN pg_database d ON d.oid = s.dbid")) {
                    while (rs.next()) {
                        String query = rs.getString(2).replaceAll("\\s+", " ");
                        counts.merge("pg stmt " + rs.getString(1) + ": " + query.substring(0, Math.min(110, query.length())),
                                rs.getLong(3), Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            System.out.println("  (database counts unavailable: " + e.getMessage() + ")");
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName name : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                long count = ((Number) server.getAttribute(name, "Count")).longValue();
                counts.merge("kafka " + name.getKeyProperty("request"), count, Long::sum);
            }
        } catch (Exception e) {
            System.out.println("  (broker counts unavailable: " + e.getMessage() + ")");
        }
        // The broker's CPU share is this JVM's minus the load threads (CpuMeter): say how much of that
        // is the JVM's own compilers and collectors and this benchmark's main thread rather than Kafka.
        ownThreads(counts, "JIT compilers", name -> name.startsWith("C1 ") || name.startsWith("C2 "));
        ownThreads(counts, "GC", name -> name.startsWith("GC ") || name.startsWith("G1 "));
        ownThreads(counts, "main thread", name -> name.equals("java"));
        return counts;
    }

    private static void ownThreads(Map<String, Long> counts, String what, Predicate<String> name) {
        counts.put("µs CPU, benchmark JVM's " + what, Procs.ownThreadTicks(name) * 1_000_000 / Procs.TICKS_PER_SECOND);
    }

    private static boolean statementsTracked(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return true;
    }

    /** The counts that grew between two snapshots, per item, largest first. */
    static Map<String, Double> perItem(Map<String, Long> before, Map<String, Long> after, long items) {
        Map<String, Double> perItem = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> perItem.put(e.getKey(), (double) e.getValue() / Math.max(1, items)));
        return perItem;
    }
}
