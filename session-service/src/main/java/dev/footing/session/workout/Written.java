package dev.footing.session.workout;

/** The outcome of a write: what to answer, and whether this request changed anything (a retry does not). */
public record Written<T>(T body, boolean changed) {
}
