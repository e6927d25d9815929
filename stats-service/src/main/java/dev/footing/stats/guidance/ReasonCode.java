package dev.footing.stats.guidance;

/** Why a decision was taken; each comes with its numbers (docs/architecture.md §9) so a client can word it. */
public enum ReasonCode {
    TARGET_MET, TOP_OF_RANGE_REACHED, LOAD_STEP, TARGET_NOT_MET, ONE_SIDE_SHORT, PAIN_ABOVE_FIVE, AT_CEILING, NO_PROGRESSION
}
