package dev.footing.common.db;

/** The database could not answer: a 503 with Retry-After for the client, not a 500. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
