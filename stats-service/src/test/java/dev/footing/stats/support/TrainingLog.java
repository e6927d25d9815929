package dev.footing.stats.support;

import static dev.footing.stats.support.WorkoutEvents.at;
import static dev.footing.stats.support.WorkoutEvents.retraction;
import static dev.footing.stats.support.WorkoutEvents.sessionCompleted;
import static dev.footing.stats.support.WorkoutEvents.set;

import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Two months of a realistic user living in Auckland (one early set while travelling in New
 * York on the day its clocks went back), whose numbers are computed by hand in
 * {@code TrainingLogTest}. S11 is retracted after it arrived, S14 before it arrived.
 */
public final class TrainingLog {

    public static final String AUCKLAND = "Pacific/Auckland";
    public static final String NEW_YORK = "America/New_York";
    public static final List<String> SET_LABELS = List.of("S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9",
            "S10", "S11", "S12", "S13", "S14", "S15");
    public static final int EVENTS = 28;

    private TrainingLog() {
    }

    public static List<ProducerRecord<String, String>> of(String u) {
        Exercises raise = Exercises.CALF_RAISE;
        Exercises stretch = Exercises.WALL_STRETCH;
        Exercises towel = Exercises.TOWEL_CURL;
        return List.of(
                set(u, "S0", "Z", towel, 10, null, "0", null, "2026-11-01T01:30", NEW_YORK),
                sessionCompleted(u, "Z", at("2026-11-01T01:45", NEW_YORK), NEW_YORK),
                set(u, "S1", "A", raise, 12, null, "10", "LEFT", "2026-12-29T07:00", AUCKLAND),
                set(u, "S2", "A", raise, 10, null, "10", "RIGHT", "2026-12-29T07:05", AUCKLAND),
                set(u, "S3", "A", stretch, null, 30, null, "LEFT", "2026-12-29T07:10", AUCKLAND),
                set(u, "S4", "A", stretch, null, 30, null, "RIGHT", "2026-12-29T07:12", AUCKLAND),
                sessionCompleted(u, "A", at("2026-12-29T07:20", AUCKLAND), AUCKLAND),
                set(u, "S5", "B", towel, 20, null, null, null, "2026-12-31T18:00", AUCKLAND),
                sessionCompleted(u, "B", at("2026-12-31T18:10", AUCKLAND), AUCKLAND),
                set(u, "S6", "C", raise, 15, null, "0", "LEFT", "2027-01-01T09:00", AUCKLAND),
                set(u, "S7", "C", raise, 15, null, "0", "RIGHT", "2027-01-01T09:03", AUCKLAND),
                sessionCompleted(u, "C", at("2027-01-01T09:10", AUCKLAND), AUCKLAND),
                set(u, "S15", "C2", towel, 10, null, null, null, "2027-01-02T20:00", AUCKLAND),
                sessionCompleted(u, "C2", at("2027-01-02T20:10", AUCKLAND), AUCKLAND),
                set(u, "S11", "F", towel, 25, null, null, null, "2027-01-03T08:00", AUCKLAND),
                sessionCompleted(u, "F", at("2027-01-03T08:10", AUCKLAND), AUCKLAND),
                retraction(u, "R11", "S11", "F", at("2027-01-03T09:00", AUCKLAND)),
                set(u, "S8", "D", raise, 8, null, "20", "LEFT", "2027-01-05T06:30", AUCKLAND),
                set(u, "S9", "D", raise, 8, null, "17.5", "RIGHT", "2027-01-05T06:35", AUCKLAND),
                sessionCompleted(u, "D", at("2027-01-05T06:40", AUCKLAND), AUCKLAND),
                set(u, "S10", "E", stretch, null, 45, null, "LEFT", "2027-01-06T21:00", AUCKLAND),
                sessionCompleted(u, "E", at("2027-01-06T21:10", AUCKLAND), AUCKLAND),
                set(u, "S12", "H", stretch, null, 40, null, "RIGHT", "2027-01-07T19:00", AUCKLAND),
                sessionCompleted(u, "H", at("2027-01-07T19:10", AUCKLAND), AUCKLAND),
                // The correction reaches stats before the set it corrects (an offline phone syncing late).
                retraction(u, "R14", "S14", "G", at("2027-01-08T00:45", AUCKLAND)),
                set(u, "S13", "G", raise, 10, null, "5", "LEFT", "2027-01-08T00:30", AUCKLAND),
                set(u, "S14", "G", towel, 30, null, null, null, "2027-01-08T00:40", AUCKLAND),
                sessionCompleted(u, "G", at("2027-01-08T00:50", AUCKLAND), AUCKLAND));
    }
}
