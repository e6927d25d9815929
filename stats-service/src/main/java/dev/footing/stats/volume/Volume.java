package dev.footing.stats.volume;

import java.time.LocalDate;
import java.util.List;

/** The answer of GET /volume. */
public record Volume(String userId, LocalDate from, LocalDate to, String bucket, String groupBy,
        List<VolumeSeries> series) {
}
