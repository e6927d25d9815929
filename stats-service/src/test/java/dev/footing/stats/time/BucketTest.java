package dev.footing.stats.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BucketTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void isoWeek53BelongsToPreviousYear() {
        assertThat(Bucket.isoWeek(d("2027-01-01"))).isEqualTo("2026-W53");
        assertThat(Bucket.isoWeek(d("2027-01-03"))).isEqualTo("2026-W53");
        assertThat(Bucket.isoWeek(d("2026-12-28"))).isEqualTo("2026-W53");
        assertThat(Bucket.isoWeek(d("2027-01-04"))).isEqualTo("2027-W01");
    }

    @Test
    void earlyJanuaryCanBeInTheLastWeekOfThePreviousYearAndLateDecemberInTheNext() {
        assertThat(Bucket.isoWeek(d("2021-01-03"))).isEqualTo("2020-W53");
        assertThat(Bucket.isoWeek(d("2025-12-29"))).isEqualTo("2026-W01");
        assertThat(Bucket.isoWeek(d("2026-01-01"))).isEqualTo("2026-W01");
    }

    @Test
    void weekStartsOnMonday() {
        assertThat(Bucket.WEEK.start(d("2027-01-03"))).isEqualTo(d("2026-12-28"));
        assertThat(Bucket.WEEK.start(d("2026-12-28"))).isEqualTo(d("2026-12-28"));
        assertThat(Bucket.WEEK.end(d("2026-12-28"))).isEqualTo(d("2027-01-03"));
    }

    @Test
    void monthBucketsKnowLeapYears() {
        assertThat(Bucket.MONTH.start(d("2028-02-29"))).isEqualTo(d("2028-02-01"));
        assertThat(Bucket.MONTH.end(d("2028-02-01"))).isEqualTo(d("2028-02-29"));
        assertThat(Bucket.MONTH.end(d("2027-02-01"))).isEqualTo(d("2027-02-28"));
        assertThat(Bucket.MONTH.label(d("2028-02-29"))).isEqualTo("2028-02");
    }

    @Test
    void startsListEveryOverlappingBucket() {
        assertThat(Bucket.WEEK.starts(d("2026-12-31"), d("2027-01-12")))
                .containsExactly(d("2026-12-28"), d("2027-01-04"), d("2027-01-11"));
        assertThat(Bucket.MONTH.starts(d("2026-11-15"), d("2027-01-01")))
                .containsExactly(d("2026-11-01"), d("2026-12-01"), d("2027-01-01"));
        assertThat(Bucket.DAY.starts(d("2028-02-28"), d("2028-03-01")))
                .containsExactly(d("2028-02-28"), d("2028-02-29"), d("2028-03-01"));
    }

    @Test
    void countMatchesTheListedBuckets() {
        assertThat(Bucket.DAY.count(d("2028-01-01"), d("2028-12-31"))).isEqualTo(366);
        assertThat(Bucket.DAY.count(d("2027-01-01"), d("2028-01-01"))).isEqualTo(366);
        assertThat(Bucket.WEEK.count(d("2026-12-31"), d("2027-01-12"))).isEqualTo(3);
        assertThat(Bucket.MONTH.count(d("2026-11-15"), d("2027-01-01"))).isEqualTo(3);
        assertThat(Bucket.WEEK.count(d("2026-01-01"), d("2026-12-31")))
                .isEqualTo(Bucket.WEEK.starts(d("2026-01-01"), d("2026-12-31")).size());
    }

    @Test
    void labels() {
        assertThat(Bucket.DAY.label(d("2026-03-08"))).isEqualTo("2026-03-08");
        assertThat(Bucket.WEEK.label(d("2026-03-02"))).isEqualTo("2026-W10");
        assertThat(Bucket.MONTH.label(d("2026-03-01"))).isEqualTo("2026-03");
    }
}
