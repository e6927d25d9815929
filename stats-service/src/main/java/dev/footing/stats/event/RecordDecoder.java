package dev.footing.stats.event;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;


/** A Kafka record of {@code workout-events} to a positioned event; a {@link PoisonMessageException} if it is not one. */
@ApplicationScoped
public class RecordDecoder {

    private final EventParser parser;

    @Inject
    public RecordDecoder(EventParser parser) {
        this.parser = parser;
    }

    public Positioned decode(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            // The last value of a repeated header wins, as with a map of headers.
            headers.put(header.key(), header.value() == null ? null : text(header.value(), header.key()));
        }
        byte[] value = record.value();
        if (value != null) {
            requireUtf8(value, "body");
        }
        return new Positioned(parser.parse(headers, value), record.partition(), record.offset());
    }

    /** Events are almost always plain ASCII, which is valid UTF-8: only other bodies go through the decoder. */
    private static void requireUtf8(byte[] bytes, String what) {
        if (!isAscii(bytes)) {
            utf8(bytes, what);
        }
    }

    /** A header's value: CloudEvents headers are plain ASCII, which needs no decoder (and no decoder per header). */
    private static String text(byte[] bytes, String name) {
        return isAscii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : utf8(bytes, "header " + name);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PoisonMessageException(what + " is not UTF-8");
        }
    }
}
