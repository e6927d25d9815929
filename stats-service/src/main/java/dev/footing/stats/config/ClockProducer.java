package dev.footing.stats.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock. {@code stats.clock.fixed-instant} pins "now" (tests and demos that need a
 * known "today"); unset, it is the system clock.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "stats.clock.fixed-instant") Optional<Instant> fixed) {
        return fixed.map(instant -> Clock.fixed(instant, ZoneOffset.UTC)).orElseGet(Clock::systemUTC);
    }
}
