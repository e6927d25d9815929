package dev.footing.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @ParameterizedTest(name = "{0} unavailable={1} data={2}")
    @CsvSource({
            "08001, true,  false",   // cannot connect
            "08006, true,  false",   // connection failure mid-statement
            "57P01, true,  false",   // admin shutdown
            "57P03, true,  false",   // cannot connect now (starting up)
            "53300, true,  false",   // too many connections
            "57014, true,  false",   // statement timeout
            "23505, false, true",    // unique violation
            "22001, false, true",    // value too long
            "42P01, false, false",   // undefined table: a bug, not an outage
            "40001, false, false",   // serialization failure
    })
    void statesAreClassified(String state, boolean unavailable, boolean aboutTheData) {
        SQLException e = new SQLException("x", state);
        assertThat(SqlStates.isUnavailable(e)).isEqualTo(unavailable);
        assertThat(SqlStates.isAboutTheData(e)).isEqualTo(aboutTheData);
    }

    @Test
    void anOutageDeepInTheCauseChainStillCounts() {
        RuntimeException wrapped = new RuntimeException("transaction failed",
                new IllegalStateException("hibernate", new SQLException("I/O error", "08006")));
        assertThat(SqlStates.isUnavailable(wrapped)).isTrue();
        assertThat(SqlStates.isUnavailable(new RuntimeException(new SocketTimeoutException("Read timed out")))).isTrue();
    }

    @Test
    void thePoolsAcquisitionTimeoutCountsThoughItHasNoState() {
        assertThat(SqlStates.isUnavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        // Agroal's own words, as a silent (partitioned) database produced them: capitalised.
        assertThat(SqlStates.isUnavailable(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(SqlStates.isUnavailable(new SQLException("something else"))).isFalse();
        assertThat(SqlStates.isUnavailable(new IllegalStateException("no database involved"))).isFalse();
    }

    @Test
    void onlyTheUniqueViolationIsOne() {
        assertThat(SqlStates.isUniqueViolation(new SQLException("dup", "23505"))).isTrue();
        assertThat(SqlStates.isUniqueViolation(new SQLException("fk", "23503"))).isFalse();
    }
}
