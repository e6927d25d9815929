package dev.footing.stats.problem;

/** The database could not answer a query: a 503 for the client, not a 500. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
