package dev.footing.stats.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footing.stats.facts.VolumeRow;
import dev.footing.stats.time.Bucket;

class VolumeBucketsTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static VolumeRow row(String date, String group, long sets, long reps, String kg) {
        return new VolumeRow(d(date), group, group, sets, reps, 0, new BigDecimal(kg));
    }

    @Test
    void everyBucketIsPresentWithZeros() {
        List<VolumeSeries> series = VolumeBuckets.build(List.of(row("2026-12-30", "all", 2, 20, "150.5")),
                d("2026-12-21"), d("2027-01-10"), Bucket.WEEK, List.of("all"));
        assertThat(series).hasSize(1);
        assertThat(series.get(0).points()).extracting(VolumePoint::bucket)
                .containsExactly("2026-W52", "2026-W53", "2027-W01");
        assertThat(series.get(0).points()).extracting(VolumePoint::sets).containsExactly(0L, 2L, 0L);
        assertThat(series.get(0).points().get(1).loadVolumeKg()).isEqualTo(150.5);
    }

    @Test
    void emptyRangeStillHasTheAllSeries() {
        List<VolumeSeries> series = VolumeBuckets.build(List.of(), d("2026-01-01"), d("2026-03-31"), Bucket.MONTH,
                List.of("all"));
        assertThat(series.get(0).points()).extracting(VolumePoint::bucket).containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(series.get(0).points()).allMatch(p -> p.sets() == 0 && p.loadVolumeKg() == 0);
    }

    @Test
    void bucketsCutByTheRangeSayWhichDaysTheySum() {
        List<VolumeSeries> series = VolumeBuckets.build(List.of(row("2027-01-01", "all", 1, 10, "0")),
                d("2027-01-01"), d("2027-01-05"), Bucket.WEEK, List.of("all"));
        VolumePoint first = series.get(0).points().get(0);
        assertThat(first.bucket()).isEqualTo("2026-W53");
        assertThat(first.from()).isEqualTo(d("2027-01-01"));
        assertThat(first.to()).isEqualTo(d("2027-01-03"));
        VolumePoint second = series.get(0).points().get(1);
        assertThat(second.from()).isEqualTo(d("2027-01-04"));
        assertThat(second.to()).isEqualTo(d("2027-01-05"));
    }

    @Test
    void groupsAreSummedSeparatelyAndExactly() {
        List<VolumeSeries> series = VolumeBuckets.build(List.of(
                row("2028-02-28", "CALF", 1, 10, "0.1"), row("2028-02-29", "CALF", 2, 20, "0.2"),
                row("2028-02-29", "ANKLE", 1, 5, "0")), d("2028-02-01"), d("2028-02-29"), Bucket.MONTH, List.of());
        assertThat(series).extracting(VolumeSeries::key).containsExactly("ANKLE", "CALF");
        VolumePoint calf = series.get(1).points().get(0);
        assertThat(calf.sets()).isEqualTo(3);
        assertThat(calf.reps()).isEqualTo(30);
        // 0.1 + 0.2 in doubles would be 0.30000000000000004.
        assertThat(calf.loadVolumeKg()).isEqualTo(0.3);
    }

    @Test
    void dayBucketsIncludeTheLeapDay() {
        List<VolumeSeries> series = VolumeBuckets.build(List.of(row("2028-02-29", "all", 1, 8, "0")),
                d("2028-02-28"), d("2028-03-01"), Bucket.DAY, List.of("all"));
        assertThat(series.get(0).points()).extracting(VolumePoint::bucket)
                .containsExactly("2028-02-28", "2028-02-29", "2028-03-01");
        assertThat(series.get(0).points()).extracting(VolumePoint::reps).containsExactly(0L, 8L, 0L);
    }
}
