package dev.footing.stats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.footing.stats.event.Positioned;

import dev.footing.stats.support.StrictMapper;

class RecordDecoderTest {

    private static final RecordDecoder DECODER = new RecordDecoder(new EventParser(StrictMapper.create()));

    private static ConsumerRecord<String, byte[]> record(byte[] value, String eventId) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("workout-events", 3, 42L, "u1", value);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(eventId));
        record.headers().add("ce_type", bytes("footing.session.completed.v1"));
        record.headers().add("ce_source", bytes("/footing/session-service"));
        record.headers().add("ce_time", bytes("2027-01-05T10:00:00Z"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsThePositionOfTheRecord() {
        String eventId = UUID.randomUUID().toString();
        Positioned event = DECODER.decode(record(bytes("""
                {"eventId":"%s","userId":"u1","sessionId":"%s","completedAt":"2027-01-05T10:00:00Z","timezone":"UTC"}
                """.formatted(eventId, UUID.randomUUID())), eventId));
        assertThat(event.partition()).isEqualTo(3);
        assertThat(event.offset()).isEqualTo(42L);
        assertThat(event.event()).isInstanceOf(SessionCompleted.class);
    }

    @Test
    void bodyThatIsNotUtf8IsPoison() {
        assertThatThrownBy(() -> DECODER.decode(record(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'},
                UUID.randomUUID().toString()))).isInstanceOf(PoisonMessageException.class).hasMessage("body is not UTF-8");
    }

    @Test
    void missingBodyIsPoison() {
        assertThatThrownBy(() -> DECODER.decode(record(null, UUID.randomUUID().toString())))
                .isInstanceOf(PoisonMessageException.class).hasMessage("empty body");
    }
}
