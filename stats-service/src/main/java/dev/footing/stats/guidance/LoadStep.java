package dev.footing.stats.guidance;

import java.math.BigDecimal;

/** External load added once every ladder is at its ceiling; {@code ceilingKg} null means no upper bound. */
public record LoadStep(BigDecimal stepKg, BigDecimal ceilingKg, int successesRequired) {

    public LoadStep {
        if (stepKg == null || stepKg.signum() <= 0 || successesRequired < 1) {
            throw new IllegalArgumentException("not a load step: " + stepKg);
        }
    }

    boolean atCeiling(BigDecimal loadKg) {
        return ceilingKg != null && loadKg.compareTo(ceilingKg) >= 0;
    }

    BigDecimal up(BigDecimal loadKg) {
        BigDecimal raised = loadKg.add(stepKg);
        return plain(ceilingKg != null && raised.compareTo(ceilingKg) > 0 ? ceilingKg : raised);
    }

    /** 5.0 and 5 are the same load: one form for each, and never an exponent (10, not 1E+1). */
    static BigDecimal plain(BigDecimal kg) {
        BigDecimal stripped = kg.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
