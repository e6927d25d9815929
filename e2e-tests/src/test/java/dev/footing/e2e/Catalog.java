package dev.footing.e2e;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Seeded exercises and programs have ids derived from their slugs, so tests can name them. */
final class Catalog {

    private Catalog() {
    }

    static UUID exercise(String slug) {
        return UUID.nameUUIDFromBytes(("footing:exercise:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    static UUID program(String slug) {
        return UUID.nameUUIDFromBytes(("footing:program:" + slug).getBytes(StandardCharsets.UTF_8));
    }
}
