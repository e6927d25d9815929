package dev.footing.contract;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kafka record as the contract shows it: the record key, its headers (CloudEvents binary mode
 * for {@code workout-events}: {@code ce_*} and {@code content-type}; none on the catalog topics)
 * and its JSON value. Numbers keep their exact decimal form ({@code 10.5}, {@code 4.25}).
 */
public record ContractExample(ContractExamples example, String key, Map<String, String> headers, JsonNode value) {

    public String topic() {
        return example.topic();
    }

    /** The value as the compact JSON text a producer would send. */
    public String valueJson() {
        try {
            return ContractExamples.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + example.resource(), e);
        }
    }

    public byte[] valueBytes() {
        return valueJson().getBytes(StandardCharsets.UTF_8);
    }

    /** A header's value, or null when the example has no such header. */
    public String header(String name) {
        return headers.get(name);
    }
}
