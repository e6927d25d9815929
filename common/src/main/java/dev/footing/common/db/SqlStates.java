package dev.footing.common.db;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.Locale;

/** What a database failure means for the caller, read from its SQLSTATE the same way in every service. */
public final class SqlStates {

    private SqlStates() {
    }

    /** Class 22 (data exception) and 23 (integrity): retrying the same row fails the same way. */
    public static boolean isAboutTheData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * The database cannot answer right now, so trying again later may work: no connection (class 08),
     * shutting down (57P01-57P03), too many connections (53300), a statement stopped by its timeout
     * (57014), a socket read that timed out, or no pooled connection within the acquisition timeout.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                        || state.equals("57014"))) {
                    return true;
                }
                // Agroal's pool says so only in words: it sets no SQLSTATE.
                // ("Acquisition timeout while waiting for new connection"), whatever the case.
                if (state == null && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
