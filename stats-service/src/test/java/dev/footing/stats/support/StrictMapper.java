package dev.footing.stats.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.common.json.StrictJson;

/** For unit tests outside Quarkus: a mapper configured as the application's own (common's StrictJson). */
public final class StrictMapper {

    private StrictMapper() {
    }

    public static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
