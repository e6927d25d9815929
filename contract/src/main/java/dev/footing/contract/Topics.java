package dev.footing.contract;

/** The Kafka topics between the services; the examples of each live under {@code contract/<topic>/}. */
public final class Topics {

    /** session-service to stats-service: set and session events, keyed by user id, CloudEvents headers. */
    public static final String WORKOUT_EVENTS = "workout-events";

    /** Records of {@link #WORKOUT_EVENTS} stats-service could not apply, with the reason in headers. */
    public static final String WORKOUT_EVENTS_DLQ = "workout-events-dlq";

    /** catalog-service to session-service: compacted, one exercise snapshot per key (the exercise id). */
    public static final String EXERCISE_CATALOG = "exercise-catalog";

    /** catalog-service to session- and stats-service: compacted, one program snapshot per key (the program id). */
    public static final String PROGRAM_CATALOG = "program-catalog";

    private Topics() {
    }
}
