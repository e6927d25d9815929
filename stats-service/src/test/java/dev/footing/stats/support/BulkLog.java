package dev.footing.stats.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Many events for one user with totals that are easy to compute: set j is on day j / 3 from
 * 2026-01-01 (one session per day), has (j % 20) + 1 reps at (j % 4) × 2.5 kg; every 60th set
 * is retracted.
 */
public final class BulkLog {

    public final List<ProducerRecord<String, String>> records = new ArrayList<>();
    public long sets;
    public long reps;
    public BigDecimal loadVolumeKg = BigDecimal.ZERO;
    public final Set<LocalDate> activeDays = new HashSet<>();

    public BulkLog(String user, int count) {
        LocalDate first = LocalDate.parse("2026-01-01");
        for (int j = 0; j < count; j++) {
            LocalDate day = first.plusDays(j / 3);
            int setReps = (j % 20) + 1;
            BigDecimal load = BigDecimal.valueOf(j % 4).multiply(new BigDecimal("2.5"));
            records.add(WorkoutEvents.set(user, "set" + j, "day" + day, Exercises.CALF_RAISE, setReps, null,
                    load.toPlainString(), j % 2 == 0 ? "LEFT" : "RIGHT", day + "T07:00:" + "%02d".formatted(j % 3), "UTC"));
            if (j % 60 == 59) {
                records.add(WorkoutEvents.retraction(user, "retract" + j, "set" + j, "day" + day,
                        WorkoutEvents.at(day + "T09:00", "UTC")));
            } else {
                sets++;
                reps += setReps;
                loadVolumeKg = loadVolumeKg.add(load.multiply(BigDecimal.valueOf(setReps)));
                activeDays.add(day);
            }
        }
    }
}
