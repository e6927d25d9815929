package dev.footing.catalog.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.footing.catalog.progression.Progression;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An exercise of the catalog. Lists are PostgreSQL {@code text[]} so the list filters are plain
 * array overlaps ({@code &&}); enum values are stored by name.
 */
@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    public String summary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> instructions;

    public String category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "body_areas", columnDefinition = "text[]")
    public List<String> bodyAreas;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> equipment;

    public String difficulty;

    public String measurement;

    public boolean unilateral;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Prescription prescription;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> cautions;

    /** Null when the exercise carries no progression rule. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Progression progression;

    public String source;

    /**
     * JSON Pointers into this exercise's own JSON that name Footing's advice rather than the source's.
     * Stored as JSON: the pointer {@code ""} (the whole exercise) does not survive a text[] round trip.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "own_advice", columnDefinition = "jsonb")
    public List<String> ownAdvice;

    public boolean retired;

    /**
     * The fingerprint of the seed entry that last wrote this exercise, null once an admin changed it:
     * the seeder brings seeded exercises up to date with a corrected seed, never over an admin's edit.
     */
    @Column(name = "seeded_from")
    public String seededFrom;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A UUID is looked up as an id, anything else as a slug (slugs are lower case). */
    public static Optional<Exercise> findByIdOrSlug(String idOrSlug) {
        if (!isLookupKey(idOrSlug)) {
            return Optional.empty();
        }
        Optional<Exercise> byId = parseUuid(idOrSlug).flatMap(id -> Exercise.<Exercise>findByIdOptional(id));
        return byId.isPresent() ? byId : find("slug", idOrSlug.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** Anything else cannot name an exercise or program, and PostgreSQL text cannot even hold U+0000. */
    public static boolean isLookupKey(String value) {
        return value != null && !value.isEmpty() && value.length() <= 100 && value.indexOf('\u0000') < 0;
    }

    public static Optional<UUID> parseUuid(String value) {
        try {
            return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
