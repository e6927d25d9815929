package dev.footing.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database faults that the services' outage tests inject, checked against a plain JDBC client. */
class DatabaseFaultsTest {

    @AfterEach
    void restore() {
        if (TestInfrastructure.canPartitionDatabase()) {
            TestInfrastructure.healDatabase();
        }
        if (TestInfrastructure.canStopDatabase()) {
            TestInfrastructure.startDatabase();
        }
    }

    @Test
    void aKilledDatabaseRefusesConnectionsAndComesBackWithItsCommittedData() throws SQLException {
        assumeTrue(TestInfrastructure.canStopDatabase(), "the database is not our embedded one: " + TestInfrastructure.infrastructure());
        execute("CREATE TABLE IF NOT EXISTS kept (n int)", "INSERT INTO kept VALUES (42)");

        TestInfrastructure.stopDatabase();
        SQLException refused = assertThrows(SQLException.class, () -> connect(2).close());
        assertEquals("08001", refused.getSQLState(), "a killed server refuses at once: " + refused);

        TestInfrastructure.startDatabase();
        try (Connection c = connect(2); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kept WHERE n = 42")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "the committed row survived the kill");
        }
    }

    @Test
    void aPartitionedDatabaseLetsConnectionsHangSilentlyUntilHealed() throws SQLException {
        assumeTrue(TestInfrastructure.canPartitionDatabase(), TestInfrastructure.whyDatabaseCannotBePartitioned());
        try (Connection open = connect(2)) {
            TestInfrastructure.partitionDatabase();

            Instant start = Instant.now();
            assertThrows(SQLException.class, () -> connect(2).close());
            assertTrue(Duration.between(start, Instant.now()).toMillis() >= 1_500, "a new connection hangs, it is not refused");
            open.setNetworkTimeout(Runnable::run, 2_000);
            assertThrows(SQLException.class, () -> open.createStatement().execute("SELECT 1"),
                    "an open connection hangs too");

            TestInfrastructure.healDatabase();
            execute("SELECT 1");
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = connect(5); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Connection connect(int timeoutSeconds) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", TestInfrastructure.dbUser());
        props.setProperty("password", TestInfrastructure.dbPassword());
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl("e2e"), props);
    }
}
