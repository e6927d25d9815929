package dev.footing.stats.catalog;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One exercise of a program, by id and slug. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramItem(UUID exerciseId, String exercise) {
}
