package dev.footing.stats.volume;

import java.util.List;

/** One group's volume over every bucket of the range. {@code key} is the group (an exercise id, BODY_AREA, ...). */
public record VolumeSeries(String key, String label, List<VolumePoint> points) {
}
