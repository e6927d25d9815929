package dev.footing.stats.program;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.footing.stats.catalog.CatalogProgram;

/** A program the user follows: the program as the catalog describes it, the user's sessions per week, since when. */
public record FollowedProgram(ProgramRef program, int sessionsPerWeek, LocalDate since) {

    /** The program's own fields; {@code sessionsPerWeek} here is the catalog's advice (null where it gives none). */
    public record ProgramRef(UUID id, String slug, String name, @Schema(nullable = true) String frequency,
            @Schema(nullable = true) Integer sessionsPerWeek, boolean retired) {

        static ProgramRef of(CatalogProgram program) {
            return new ProgramRef(program.id(), program.slug(), program.name(), program.frequency(), program.sessionsPerWeek(),
                    program.retired());
        }
    }
}
