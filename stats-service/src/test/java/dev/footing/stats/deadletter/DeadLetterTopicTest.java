package dev.footing.stats.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.footing.common.paging.PageRequest;

class DeadLetterTopicTest {

    private static final long RECORD_TIME = Instant.parse("2027-01-05T10:00:00Z").toEpochMilli();

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("workout-events-dlq", 0, 41, RECORD_TIME, TimestampType.CREATE_TIME,
                -1, -1, key, value, headers, Optional.empty());
    }

    private static RecordHeaders headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void aLetterCarriesWhyAndWhereFromOutOfItsHeaders() {
        DeadLetter letter = DeadLetterTopic.letter(record("ana", "{}".getBytes(StandardCharsets.UTF_8), headers(
                "ce_id", "e-1", "ce_type", "footing.set.completed.v1", "dlq-kind", "poison", "dlq-reason", "missing field setId",
                "dlq-original-topic", "workout-events", "dlq-original-partition", "3", "dlq-original-offset", "1234",
                "dlq-failed-at", "2027-01-05T10:00:01.5Z")));

        assertThat(letter).isEqualTo(new DeadLetter(0, 41, Instant.parse("2027-01-05T10:00:01.5Z"), "poison",
                "missing field setId", "workout-events", 3, 1234L, "ana", "e-1", "footing.set.completed.v1", "{}", 2));
    }

    @Test
    void missingOrUnreadableHeadersAreNullAndTheRecordsTimeStandsInForTheFailure() {
        DeadLetter letter = DeadLetterTopic.letter(record(null, null, headers(
                "dlq-original-partition", "three", "dlq-failed-at", "yesterday")));

        assertThat(letter).isEqualTo(new DeadLetter(0, 41, Instant.ofEpochMilli(RECORD_TIME), null, null, null, null, null,
                null, null, null, null, 0));
    }

    @Test
    void theBodyIsTextCutAtItsFirstCharactersAndBytesThatAreNoUtf8ShowAsReplacements() {
        byte[] big = new byte[10_000];
        Arrays.fill(big, (byte) 'x');
        DeadLetter cut = DeadLetterTopic.letter(record("ana", big, headers()));
        DeadLetter binary = DeadLetterTopic.letter(record("ana", new byte[] { 'o', 'k', (byte) 0xff }, headers()));

        assertThat(cut.payload()).hasSize(DeadLetterTopic.PAYLOAD_CHARS);
        assertThat(cut.payloadBytes()).isEqualTo(10_000);
        assertThat(binary.payload()).isEqualTo("ok\uFFFD");
        assertThat(binary.payloadBytes()).isEqualTo(3);
    }

    private static DeadLetter at(int partition, long offset, String failedAt) {
        return new DeadLetter(partition, offset, Instant.parse("2027-01-05T10:00:00Z").plusSeconds(Long.parseLong(failedAt)),
                "poison", "r", null, null, null, null, null, null, null, 0);
    }

    private static List<String> ids(List<DeadLetter> letters) {
        return letters.stream().map(l -> l.partition() + "@" + l.offset()).toList();
    }

    @Test
    void onePartitionIsOrderedByOffsetWhateverTheClocksOfTheInstancesThatWroteIt() {
        List<DeadLetter> partition = List.of(at(0, 7, "30"), at(0, 8, "10"), at(0, 9, "20"));

        assertThat(ids(DeadLetterTopic.page(List.of(partition), new PageRequest(0, 10)))).containsExactly("0@9", "0@8", "0@7");
    }

    @Test
    void partitionsAreMergedByTheTimeOfTheirNextLetterAndPagesFollowOnWithoutRepeatsOrGaps() {
        List<DeadLetter> zero = List.of(at(0, 1, "10"), at(0, 2, "40"));
        List<DeadLetter> one = List.of(at(1, 5, "20"), at(1, 6, "30"), at(1, 7, "50"));
        List<List<DeadLetter>> both = List.of(zero, one);

        List<String> all = ids(DeadLetterTopic.page(both, new PageRequest(0, 10)));
        assertThat(all).containsExactly("1@7", "0@2", "1@6", "1@5", "0@1");
        assertThat(ids(DeadLetterTopic.page(both, new PageRequest(0, 2)))).containsExactly("1@7", "0@2");
        assertThat(ids(DeadLetterTopic.page(both, new PageRequest(1, 2)))).containsExactly("1@6", "1@5");
        assertThat(ids(DeadLetterTopic.page(both, new PageRequest(2, 2)))).containsExactly("0@1");
        assertThat(DeadLetterTopic.page(both, new PageRequest(3, 2))).isEmpty();
        assertThat(DeadLetterTopic.page(List.of(List.of(), List.of()), new PageRequest(0, 2))).isEmpty();
    }
}
