package dev.footing.catalog.program;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import dev.footing.catalog.exercise.Exercise;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A routine from the source: an ordered list of exercises, each with the routine's own prescription. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    public String goal;

    public String author;

    public String frequency;

    /** The frequency as a number of sessions a week where the source gives one, else null. */
    @Column(name = "sessions_per_week")
    public Integer sessionsPerWeek;

    @OneToMany(mappedBy = "program", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ProgramItem> items = new ArrayList<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Program> findByIdOrSlug(String idOrSlug) {
        if (!Exercise.isLookupKey(idOrSlug)) {
            return Optional.empty();
        }
        return Exercise.parseUuid(idOrSlug)
                .map(id -> Program.<Program>findByIdOptional(id))
                .orElseGet(() -> find("slug", idOrSlug.toLowerCase(Locale.ROOT)).firstResultOptional());
    }
}
