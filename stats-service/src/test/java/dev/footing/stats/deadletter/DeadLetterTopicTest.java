package dev.footing.stats.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

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
}
