package dev.footing.session.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The writer for event bodies. It starts from the Quarkus-managed mapper but pins what the event
 * contract needs, so a change of API settings can never change the contract: instants and dates
 * as ISO-8601 strings, decimals as written (12.5, never 1.25E+1), nulls written out, and every
 * character as UTF-8: Jackson's byte writer would otherwise escape a character beyond the Basic
 * Multilingual Plane (an emoji in an exercise's name) as an escaped surrogate pair, twelve ASCII
 * characters, where the text writer gave its four UTF-8 bytes.
 */
@ApplicationScoped
public class EventJson {

    private final ObjectWriter writer;

    @Inject
    public EventJson(ObjectMapper json) {
        this.writer = json.writer()
                .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    /**
     * The event's body as UTF-8, the bytes the outbox stores and the record carries: written as bytes
     * once, never as a {@code String} that each hop (the outbox's insert, the relay's read, the
     * producer) would encode or decode again, which was about a tenth of this service's CPU per set.
     */
    public byte[] write(WorkoutEvent event) {
        try {
            return writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type(), e);
        }
    }
}
