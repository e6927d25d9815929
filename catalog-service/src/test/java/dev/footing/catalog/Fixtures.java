package dev.footing.catalog;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.exercise.ExerciseValidator;
import dev.footing.catalog.seed.SeedCatalog;
import dev.footing.common.json.StrictJson;

/** What unit tests need of the running service without starting it. */
public final class Fixtures {

    /** The seed, read with a mapper configured like the service's own (common's StrictJson). */
    public static final SeedCatalog SEED = SeedCatalog.load(json());

    private Fixtures() {
    }

    public static ObjectMapper json() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    /** The validator with Hibernate Validator's own defaults (messages interpolated without EL, as in Quarkus). */
    public static ExerciseValidator exerciseValidator() {
        return new ExerciseValidator(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    }
}
