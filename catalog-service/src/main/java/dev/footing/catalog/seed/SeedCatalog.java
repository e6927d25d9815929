package dev.footing.catalog.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.exercise.ExerciseRequest;
import dev.footing.catalog.exercise.Prescription;

/**
 * The catalog drawn from the seed article ({@code seed/catalog.json}), written in our own words.
 * Ids are derived from slugs, so every installation (and every replica) agrees on them.
 */
public record SeedCatalog(List<ExerciseRequest> exercises, List<SeedProgram> programs) {

    public static final String RESOURCE = "seed/catalog.json";

    public record SeedProgram(String slug, String name, String goal, String author, String frequency, List<SeedItem> items) {
    }

    /** {@code prescription} may be left out: the item then uses the exercise's own. */
    public record SeedItem(String exercise, Prescription prescription) {
    }

    public static UUID exerciseId(String slug) {
        return UUID.nameUUIDFromBytes(("footing:exercise:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID programId(String slug) {
        return UUID.nameUUIDFromBytes(("footing:program:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the seed with the service's own mapper (the one Quarkus configures). */
    public static SeedCatalog load(ObjectMapper json) {
        try (InputStream in = SeedCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            // Strict about unknown fields, unlike the API: a typo in the seed must fail the build, not vanish.
            return json.readerFor(SeedCatalog.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
