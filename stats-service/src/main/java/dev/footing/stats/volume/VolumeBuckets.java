package dev.footing.stats.volume;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.footing.stats.facts.VolumeRow;
import dev.footing.stats.time.Bucket;

/**
 * Puts per-day volume rows into buckets: one series per group that has volume in the range,
 * each with every bucket of the range, zeros included. A series with no rows in the range is
 * still present when {@code alwaysPresent} names it (the "all" series of groupBy=none).
 */
public final class VolumeBuckets {

    private VolumeBuckets() {
    }

    public static List<VolumeSeries> build(List<VolumeRow> rows, LocalDate from, LocalDate to, Bucket bucket,
            List<String> alwaysPresent) {
        List<LocalDate> starts = bucket.starts(from, to);
        Map<String, String> labels = new LinkedHashMap<>();
        alwaysPresent.forEach(key -> labels.put(key, key));
        Map<String, TreeMap<LocalDate, Sum>> sums = new TreeMap<>();
        Map<String, LocalDate> labelDate = new TreeMap<>();
        for (VolumeRow row : rows) {
            if (row.date().isBefore(from) || row.date().isAfter(to)) {
                continue;
            }
            // The most recent name of a group is its label (an exercise may be renamed in the catalog).
            if (!labelDate.containsKey(row.group()) || !row.date().isBefore(labelDate.get(row.group()))) {
                labels.put(row.group(), row.label());
                labelDate.put(row.group(), row.date());
            }
            sums.computeIfAbsent(row.group(), g -> new TreeMap<>())
                    .computeIfAbsent(bucket.start(row.date()), d -> new Sum())
                    .add(row);
        }
        List<VolumeSeries> series = new ArrayList<>();
        for (var group : labels.entrySet()) {
            TreeMap<LocalDate, Sum> byBucket = sums.getOrDefault(group.getKey(), new TreeMap<>());
            List<VolumePoint> points = new ArrayList<>(starts.size());
            for (LocalDate start : starts) {
                Sum sum = byBucket.getOrDefault(start, new Sum());
                LocalDate first = start.isBefore(from) ? from : start;
                LocalDate last = bucket.end(start).isAfter(to) ? to : bucket.end(start);
                points.add(new VolumePoint(bucket.label(start), first, last, sum.sets, sum.reps, sum.holdSeconds,
                        sum.loadVolumeKg.doubleValue()));
            }
            series.add(new VolumeSeries(group.getKey(), group.getValue(), points));
        }
        series.sort(Comparator.comparing(VolumeSeries::label).thenComparing(VolumeSeries::key));
        return series;
    }

    private static final class Sum {
        long sets;
        long reps;
        long holdSeconds;
        BigDecimal loadVolumeKg = BigDecimal.ZERO;

        void add(VolumeRow row) {
            sets += row.sets();
            reps += row.reps();
            holdSeconds += row.holdSeconds();
            loadVolumeKg = loadVolumeKg.add(row.loadVolumeKg());
        }
    }
}
