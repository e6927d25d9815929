package dev.footing.stats.guidance;

import dev.footing.stats.event.Measurement;

/** An exercise as the rule needs it: how it is counted, whether per leg, and its prescription and progression. */
public record Variation(String slug, Measurement measurement, boolean unilateral, Prescription prescription,
        Progression progression) {

    public Variation {
        prescription = prescription == null ? Prescription.NONE : prescription;
    }

    /** True when the catalog gives this exercise a rule (a null progression means "hold the prescription"). */
    boolean hasRule() {
        return progression != null;
    }

    Progression rule() {
        return progression == null ? Progression.NONE : progression;
    }
}
