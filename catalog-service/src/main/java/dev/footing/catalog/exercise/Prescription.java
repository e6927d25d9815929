package dev.footing.catalog.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the source recommends for one exercise. A range is the low value plus its {@code ...Max}
 * (e.g. hold 15-30 s is {@code holdSeconds=15, holdSecondsMax=30}; 20 -> 40 reps is
 * {@code reps=20, repsMax=40}). REPS exercises carry {@code reps}, DURATION exercises
 * {@code holdSeconds}; a REPS exercise may also carry {@code holdSeconds} as a pause per rep.
 * For unilateral exercises the numbers are per leg.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prescription(Integer sets, Integer setsMax, Integer reps, Integer repsMax,
        Integer holdSeconds, Integer holdSecondsMax, Integer restSeconds, String note) {
}
