package dev.footing.stats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;

/**
 * The consumer's batch size is refused at start beyond what the dead-letter channel buffers: the mapping
 * is validated as Quarkus validates it when the service starts (Bean Validation on the config mapping).
 */
class StatsConfigTest {

    private static ValidatorFactory validators;

    @BeforeAll
    static void validators() {
        validators = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void close() {
        validators.close();
    }

    @ParameterizedTest
    @CsvSource({ "1", "250", "1024" })
    void acceptsABatchTheDeadLetterChannelCanHold(int records) {
        assertThat(config(records).consumer().maxPollRecords()).isEqualTo(records);
    }

    @ParameterizedTest
    @CsvSource({ "0", "1025", "5000" })
    void refusesAnyOtherBatchSizeNamingTheSetting(int records) {
        assertThatThrownBy(() -> config(records))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("footing.stats.consumer.max-poll-records");
    }

    private static StatsConfig config(int maxPollRecords) {
        Map<String, String> properties = new HashMap<>();
        properties.put("footing.stats.consumer.max-poll-records", String.valueOf(maxPollRecords));
        properties.put("footing.stats.dashboard.oidc-public-url", "http://localhost:8180/realms/footing");
        properties.put("footing.stats.dashboard.client-id", "footing-web");
        properties.put("footing.stats.dashboard.catalog-url", "http://localhost:8081");
        properties.put("footing.stats.dashboard.session-url", "http://localhost:8082");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(StatsConfig.class)
                // Quarkus' own converter, for the mapping's durations ("1S"), as the service has it.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test"))
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return validators.getValidator();
                    }
                })
                .build();
        return config.getConfigMapping(StatsConfig.class);
    }
}
