package dev.footing.stats.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must answer exactly as the JDK does: the same instant, or the same refusal. */
class IsoTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-07T12:00:00Z", "2027-01-07T12:00:00.1Z", "2027-01-07T12:00:00.120Z",
            "2027-01-07T23:59:59.123456Z", "2027-01-07T00:00:00.123456789Z", "2024-02-29T07:00:00Z", "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            // the JDK's own path: an offset, hour 24, a leap second, a six-digit year, a bare point, a lower-case z
            "2027-01-07T13:00:00+01:00", "2027-01-07T24:00:00Z", "2027-06-30T23:59:60Z", "+12027-01-07T12:00:00Z",
            "2027-01-07T12:00:00.Z", "2027-01-07T12:00:00z"})
    void anInstantIsWhatTheJdkReads(String text) {
        assertSameOutcome(() -> IsoTimes.instant(text), () -> Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30T12:00:00Z", "2023-02-29T12:00:00Z", "2027-13-01T12:00:00Z", "2027-01-07T12:60:00Z",
            "2027-01-07T12:00:61Z", "2027-01-07T12:00Z", "2027-01-07 12:00:00Z", "2027-01-07T12:00:00",
            "2027-01-07T12:00:00.1234567891Z", "2027-01-07T1a:00:00Z", "2027-01-07", "", "yesterday",
            "-027-01-07T12:00:00Z", "2027-1-07T12:00:00Z"})
    void anInstantTheJdkRefusesIsRefused(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimes.instant(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-07", "2024-02-29", "0001-01-01", "9999-12-31", "+12027-01-07"})
    void aLocalDateIsWhatTheJdkReads(String text) {
        assertSameOutcome(() -> IsoTimes.localDate(text), () -> LocalDate.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-02-30", "2023-02-29", "2027-00-10", "2027-01-32", "2027-1-07", "2027/01/07", "2027-01-0x",
            "2027-01-07T12:00", "", "today"})
    void aLocalDateTheJdkRefusesIsRefused(String text) {
        assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoTimes.localDate(text)).isInstanceOf(DateTimeException.class);
    }

    private static void assertSameOutcome(java.util.concurrent.Callable<Object> ours, java.util.concurrent.Callable<Object> jdk) {
        Object expected;
        try {
            expected = jdk.call();
        } catch (Exception e) {
            assertThatThrownBy(ours::call).isInstanceOf(e.getClass());
            return;
        }
        try {
            assertThat(ours.call()).isEqualTo(expected);
        } catch (Exception e) {
            throw new AssertionError("refused what the JDK reads: " + e, e);
        }
    }
}
