package dev.footing.catalog.outbox;

/**
 * The topics this service publishes to, which are also the names of their SmallRye channels
 * (application.properties). The same names as module {@code contract}'s {@code Topics}, which tests
 * hold them to; not taken from there because that module is a test dependency of this service.
 */
final class CatalogTopics {

    static final String EXERCISE_CATALOG = "exercise-catalog";
    static final String PROGRAM_CATALOG = "program-catalog";

    private CatalogTopics() {
    }
}
