package dev.footing.session.workout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A write's last statement carries its commit ({@link JdbcTransaction#committing}). A statement run on the
 * connection after it would be outside the write's transaction and its locks: the write must fail loudly
 * and that statement must not be committed.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class JdbcTransactionTest {

    private static final String INSERT_SESSION = "insert into workout_session (id, user_id, timezone, started_at,"
            + " started_local_date, created_at) values (?, ?, 'UTC', now(), current_date, now())";

    @Inject
    JdbcTransaction transaction;

    @Inject
    AgroalDataSource db;

    @Test
    void aStatementAfterTheInBandCommitFailsTheWriteAndIsNotCommitted() {
        String user = "in-band-" + UUID.randomUUID();

        assertThatThrownBy(() -> transaction.run((connection, commit) -> {
            try (PreparedStatement last = insertSession(connection, JdbcTransaction.committing(INSERT_SESSION), user)) {
                commit.execute(last);
            }
            try (PreparedStatement after = insertSession(connection, INSERT_SESSION, user)) {
                after.execute();
            }
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("after the write committed");

        // The write itself had committed; the statement after it was rolled back.
        assertThat(sessionsOf(user)).isEqualTo(1);
    }

    @Test
    void aSecondInBandCommitIsRefusedAndNotRun() {
        String user = "in-band-" + UUID.randomUUID();

        assertThatThrownBy(() -> transaction.run((connection, commit) -> {
            try (PreparedStatement last = insertSession(connection, JdbcTransaction.committing(INSERT_SESSION), user)) {
                commit.execute(last);
            }
            try (PreparedStatement again = insertSession(connection, JdbcTransaction.committing(INSERT_SESSION), user)) {
                commit.execute(again);
            }
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("one in-band commit per write");

        // Only the first, the write's own, was committed.
        assertThat(sessionsOf(user)).isEqualTo(1);
    }

    @Test
    void aLastStatementThatDoesNotCommitFailsTheWriteAndIsRolledBack() {
        String user = "in-band-" + UUID.randomUUID();

        assertThatThrownBy(() -> transaction.run((connection, commit) -> {
            try (PreparedStatement last = insertSession(connection, INSERT_SESSION, user)) {
                commit.execute(last);
            }
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("did not commit");

        assertThat(sessionsOf(user)).isZero();
    }

    @Test
    void aWriteThatCommitsWithItsLastStatementIsCommitted() {
        String user = "in-band-" + UUID.randomUUID();

        String result = transaction.run((connection, commit) -> {
            try (PreparedStatement last = insertSession(connection, JdbcTransaction.committing(INSERT_SESSION), user)) {
                commit.execute(last);
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(sessionsOf(user)).isEqualTo(1);
    }

    private static PreparedStatement insertSession(Connection connection, String sql, String user) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(sql);
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, user);
        return insert;
    }

    private long sessionsOf(String user) {
        return Db.count(db, "select count(*) from workout_session where user_id = ?", user);
    }
}
