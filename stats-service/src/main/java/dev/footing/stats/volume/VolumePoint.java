package dev.footing.stats.volume;

import java.time.LocalDate;

/**
 * One bucket of a series. {@code from}/{@code to} are the days of the bucket inside the asked
 * range: a week or month cut by the range only sums the days in it.
 */
public record VolumePoint(String bucket, LocalDate from, LocalDate to, long sets, long reps, long holdSeconds,
        double loadVolumeKg) {
}
