package dev.footing.stats.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import dev.footing.contract.ContractExample;
import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.stats.support.StrictMapper;

/** stats reads every example of the contract (footing-contract) as the event it describes: none is poison. */
class ContractExamplesTest {

    private static final RecordDecoder DECODER = new RecordDecoder(new EventParser(StrictMapper.create()));

    static List<ContractExample> workoutEvents() {
        return ContractExamples.onTopic(Topics.WORKOUT_EVENTS);
    }

    private static WorkoutEvent decode(ContractExample example) {
        RecordHeaders headers = new RecordHeaders();
        example.headers().forEach((name, value) -> headers.add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(example.topic(), 0, 0L, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, -1, -1, example.key(), example.valueBytes(),
                headers, java.util.Optional.empty());
        return DECODER.decode(record).event();
    }

    @ParameterizedTest
    @MethodSource("workoutEvents")
    void everyExampleIsAnEventOfItsTypeForItsKey(ContractExample example) {
        WorkoutEvent event = decode(example);
        assertThat(event.type().ceType()).isEqualTo(example.header("ce_type"));
        assertThat(event.eventId()).hasToString(example.value().get("eventId").textValue());
        assertThat(event.userId()).isEqualTo(example.key());
    }

    @Test
    void aDurationSetHeldWithALoadKeepsItsSecondsAndLoad() {
        SetCompleted set = (SetCompleted) decode(ContractExamples.SET_COMPLETED_DURATION_WITH_LOAD.load());
        assertThat(set.exercise().measurement()).isEqualTo(Measurement.DURATION);
        assertThat(set.durationSeconds()).isEqualTo(
                ContractExamples.SET_COMPLETED_DURATION_WITH_LOAD.load().value().get("durationSeconds").intValue());
        assertThat(set.loadKg()).isEqualByComparingTo(
                ContractExamples.SET_COMPLETED_DURATION_WITH_LOAD.load().value().get("loadKg").decimalValue());
        assertThat(set.loadKg()).isGreaterThan(BigDecimal.ZERO);
    }

    @Test
    void aBodyAreaNewerThanStatsIsKeptUnderItsOwnName() {
        ContractExample example = ContractExamples.SET_COMPLETED_UNKNOWN_BODY_AREA.load();
        SetCompleted set = (SetCompleted) decode(example);
        List<String> areas = set.exercise().bodyAreas().stream().map(BodyArea::name).toList();
        assertThat(areas).containsExactlyElementsOf(
                java.util.stream.StreamSupport.stream(example.value().get("exercise").get("bodyAreas").spliterator(), false)
                        .map(node -> node.textValue()).toList());
        assertThat(set.exercise().bodyAreas()).anyMatch(area -> !area.known());
    }

    @Test
    void painAndTheSessionsProgramAreRead() {
        ContractExample set = ContractExamples.SET_COMPLETED_WITH_PAIN_AND_PROGRAM.load();
        SetCompleted completed = (SetCompleted) decode(set);
        assertThat(completed.pain()).isEqualTo(set.value().get("pain").intValue());
        assertThat(completed.programId()).hasToString(set.value().get("programId").textValue());
        ContractExample session = ContractExamples.SESSION_COMPLETED_WITH_PROGRAM.load();
        assertThat(((SessionCompleted) decode(session)).programId()).hasToString(session.value().get("programId").textValue());
        assertThat(((SetCompleted) decode(ContractExamples.SET_COMPLETED.load())).pain()).isNull();
        assertThat(((SessionCompleted) decode(ContractExamples.SESSION_COMPLETED.load())).programId()).isNull();
    }

    @Test
    void theCatalogSnapshotsGiveTheReplicaWhatGuidanceAndAdherenceNeed() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = StrictMapper.create().findAndRegisterModules();
        ContractExample exercise = ContractExamples.EXERCISE_SNAPSHOT.load();
        var snapshot = json.readValue(exercise.valueJson(), dev.footing.stats.catalog.ExerciseSnapshot.class);
        assertThat(snapshot.id()).hasToString(exercise.key());
        assertThat(snapshot.measurement()).isEqualTo(exercise.value().get("measurement").textValue());
        var progression = json.readerFor(dev.footing.stats.guidance.Progression.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .<dev.footing.stats.guidance.Progression>readValue(snapshot.progression());
        assertThat(progression.ladders()).isNotEmpty();
        assertThat(progression.ladders().get(0).ceiling())
                .isEqualTo(exercise.value().get("progression").get("ladders").get(0).get("ceiling").intValue());
        var prescription = json.readerFor(dev.footing.stats.guidance.Prescription.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .<dev.footing.stats.guidance.Prescription>readValue(snapshot.prescription());
        assertThat(prescription.sets()).isEqualTo(exercise.value().get("prescription").get("sets").intValue());

        ContractExample program = ContractExamples.PROGRAM_SNAPSHOT.load();
        var programSnapshot = json.readValue(program.valueJson(), dev.footing.stats.catalog.ProgramSnapshot.class);
        assertThat(programSnapshot.id()).hasToString(program.key());
        assertThat(programSnapshot.sessionsPerWeek()).isEqualTo(program.value().get("sessionsPerWeek").intValue());
        assertThat(programSnapshot.items()).hasSize(program.value().get("items").size())
                .allSatisfy(item -> assertThat(item.exerciseId()).isNotNull());
    }
}
