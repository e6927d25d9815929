package dev.footing.stats.records;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.footing.stats.facts.CountedSets.RecordKind;
import dev.footing.stats.facts.CountedSets;
import dev.footing.stats.facts.ExerciseInfo;
import dev.footing.stats.facts.RecordRow;

/** Personal records per exercise over counted sets: a retracted set holds no record. */
@ApplicationScoped
public class PersonalRecords {

    @Inject
    CountedSets sets;

    /** All exercises of the user, or one when {@code exerciseId} is given. */
    public List<ExerciseRecords> of(String userId, UUID exerciseId) {
        Map<RecordKind, Map<UUID, RecordRow>> byKind = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            byKind.put(kind, sets.records(userId, exerciseId, kind).stream()
                    .collect(Collectors.toMap(RecordRow::exerciseId, Function.identity())));
        }
        return sets.exercises(userId, exerciseId).stream()
                .sorted(Comparator.comparing(ExerciseInfo::name).thenComparing(ExerciseInfo::id))
                .map(exercise -> new ExerciseRecords(exercise,
                        record(byKind.get(RecordKind.MOST_REPS).get(exercise.id()), true),
                        record(byKind.get(RecordKind.HEAVIEST_LOAD).get(exercise.id()), false),
                        record(byKind.get(RecordKind.LONGEST_HOLD).get(exercise.id()), true),
                        record(byKind.get(RecordKind.LARGEST_LOAD_VOLUME).get(exercise.id()), false)))
                .toList();
    }

    private static PersonalRecord record(RecordRow row, boolean whole) {
        if (row == null) {
            return null;
        }
        BigDecimal value = row.value();
        return new PersonalRecord(whole ? (Number) value.longValue() : (Number) value.doubleValue(), row.setId(),
                row.date(), row.completedAt());
    }
}
