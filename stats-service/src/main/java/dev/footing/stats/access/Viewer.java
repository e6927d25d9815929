package dev.footing.stats.access;

import java.time.Instant;

/** Someone a user shared their stats with (read-only), and since when. */
public record Viewer(String viewerId, Instant since) {
}
