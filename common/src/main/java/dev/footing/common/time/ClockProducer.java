package dev.footing.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one clock of every service: whatever needs "now" injects {@link Clock}. Setting
 * {@code footing.clock.fixed-instant} pins it (tests, and demos that need a known "today").
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "footing.clock.fixed-instant") Optional<Instant> fixed) {
        return fixed.map(instant -> Clock.fixed(instant, ZoneOffset.UTC)).orElseGet(Clock::systemUTC);
    }
}
