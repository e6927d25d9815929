package dev.footing.catalog.progression;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.Range;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * External load added (kg, absolute) once every ladder is at its ceiling, for exercises that take a
 * load; {@code ceilingKg} is optional (no upper bound when absent).
 */
public record LoadStep(
        @NotNull(message = "is required") @DecimalMin(value = "0.25", message = "must be at least {value}")
        @DecimalMax(value = "100", message = "must be at most {value}") @Digits(integer = 3, fraction = 2, message = "must have at most two decimals")
        BigDecimal stepKg,
        @DecimalMin(value = "0.25", message = "must be at least {value}") @DecimalMax(value = "500", message = "must be at most {value}")
        @Digits(integer = 3, fraction = 2, message = "must have at most two decimals")
        @Schema(nullable = true) BigDecimal ceilingKg,
        @NotNull(message = "is required") @Range(min = 1, max = 20, message = "must be between {min} and {max}") Integer successesRequired) {
}
