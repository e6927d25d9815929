package dev.footing.stats.access;

/** A CDI event: {@code userId} stopped sharing with {@code viewerId}, whose open live streams must end. */
public record ShareStopped(String userId, String viewerId) {
}
