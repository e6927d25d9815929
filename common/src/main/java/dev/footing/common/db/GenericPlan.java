package dev.footing.common.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A statement that PostgreSQL plans once per connection, not at every execution.
 *
 * <p>Why: pgjdbc prepares a statement on the server at its fifth use on a connection, and PostgreSQL then plans
 * it for each execution's parameters five times before it weighs one plan for all parameters against them. A
 * statement over an array of ids ({@code unnest(?)}, {@code = any(?)}) is estimated for a guessed number of
 * elements in the plan for all, which looks dearer than a plan for one id, so a connection that has only seen one
 * id keeps planning it anew at every execution: for the summary read, half its time on an idle system
 * (docs/architecture.md §10, "Planned once"). Their plans are index lookups per id whatever the count, so one
 * plan serves every count.
 *
 * <p>How: {@code plan_cache_mode} for the current transaction only, set by a statement ahead of it in the same
 * message. In autocommit the two are one implicit transaction up to the message's end, so the setting ends with
 * the statement. In an explicit transaction it lasts until that transaction ends, for every statement after it:
 * end the transaction in the same message (as the relay's mark does with its commit), or use it only where a plan
 * for all parameters suits the rest of the transaction too.
 */
public final class GenericPlan {

    private static final String SETTING = "SELECT set_config('plan_cache_mode', 'force_generic_plan', true); ";

    private GenericPlan() {
    }

    /** The text to prepare: the setting, then {@code sql} (one statement, its parameters numbered as in it). */
    public static String of(String sql) {
        return SETTING + sql;
    }

    /** Executes a statement prepared from {@link #of} and returns the result of {@code sql}. */
    public static ResultSet query(PreparedStatement statement) throws SQLException {
        statement.execute(); // the setting's row: nothing to read
        if (!statement.getMoreResults()) {
            throw new SQLException("no result from the statement after the plan setting");
        }
        return statement.getResultSet();
    }
}
