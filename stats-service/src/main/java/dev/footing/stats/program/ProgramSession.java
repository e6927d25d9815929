package dev.footing.stats.program;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A session that names a program: its first set's local date and the exercises of its counted sets. */
public record ProgramSession(UUID sessionId, UUID programId, LocalDate date, Set<UUID> exercises) {
}
