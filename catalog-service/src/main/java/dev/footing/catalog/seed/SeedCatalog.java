package dev.footing.catalog.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.exercise.ExerciseRequest;
import dev.footing.catalog.exercise.Prescription;
import dev.footing.catalog.progression.Progression;

/**
 * The catalog drawn from the seed article ({@code seed/catalog.json}), written in our own words.
 * Ids are derived from slugs, so every installation (and every replica) agrees on them.
 */
public record SeedCatalog(List<ExerciseRequest> exercises, List<SeedProgram> programs) {

    public static final String RESOURCE = "seed/catalog.json";

    /** {@code sessionsPerWeek}: the frequency as a number where the source gives one ("once a week" is 1), else null. */
    public record SeedProgram(String slug, String name, String goal, String author, String frequency,
            Integer sessionsPerWeek, List<SeedItem> items) {
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

    /**
     * A digest of one seed entry as this service reads it: a changed entry (corrected text, a new field)
     * has a new fingerprint, so the seeder knows to rewrite the exercise it wrote from the old one.
     */
    public static String fingerprint(ObjectMapper json, ExerciseRequest exercise) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(exercise));
            return HexFormat.of().formatHex(digest);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint seed exercise " + exercise.slug(), e);
        }
    }

    public static boolean hasVariations(ExerciseRequest exercise) {
        Progression p = exercise.progression();
        return p != null && (p.next() != null || p.previous() != null);
    }

    /** The entry without its links to other exercises (they may not exist yet), for the seeder's first pass. */
    public static ExerciseRequest withoutVariations(ExerciseRequest e) {
        if (!hasVariations(e)) {
            return e;
        }
        Progression p = e.progression();
        boolean saysMore = !p.ladders().isEmpty() || p.load() != null;
        List<String> ownAdvice = e.ownAdvice() == null ? null : e.ownAdvice().stream()
                .filter(pointer -> saysMore ? !pointer.startsWith("/progression/next") && !pointer.startsWith("/progression/previous")
                        : !pointer.startsWith("/progression"))
                .toList();
        return new ExerciseRequest(e.slug(), e.name(), e.summary(), e.instructions(), e.category(), e.bodyAreas(),
                e.equipment(), e.difficulty(), e.measurement(), e.unilateral(), e.prescription(),
                saysMore ? new Progression(p.ladders(), p.load(), null, null) : null, e.cautions(), e.source(), ownAdvice,
                e.retired());
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
