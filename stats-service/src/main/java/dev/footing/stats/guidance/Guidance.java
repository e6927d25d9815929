package dev.footing.stats.guidance;

import java.time.LocalDate;

/**
 * The rule's answer for one exercise: the target the last session was measured against, the decision,
 * the target for the next session, and why; {@code sessions} and {@code lastSession} say what it is based on.
 */
public record Guidance(Target target, Decision decision, Target next, Reason why, int sessions, LocalDate lastSession) {
}
