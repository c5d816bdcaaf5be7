package dev.custodian.crm.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.session.AbstractSessionRepositoryContractTest;
import dev.custodian.crm.core.session.port.out.SessionRepository;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session contract on the jOOQ adapter, and the application role's narrow grants on its tables. */
class JooqSessionRepositoryTest extends AbstractSessionRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected SessionRepository sessions(PortFixture ports) {
    return JooqSessionStores.sessions(db.persistence().transactions());
  }

  @Test
  void theApplicationRoleCannotDeleteSessionsOrTokens_norRewriteWhatTheyAre() throws Exception {
    assertThat(db.sqlStatesAsApp(
        "delete from sessions",
        "delete from session_tokens",
        "truncate sessions",
        "truncate session_tokens",
        "update sessions set account_id = account_id",
        "update sessions set expires_at = expires_at",
        "update sessions set created_at = created_at",
        "update session_tokens set token_hash = token_hash",
        "update session_tokens set session_id = session_id",
        "update session_tokens set issued_at = issued_at"))
        .as("each refused with SQLState 42501").containsOnly("42501");
  }

  @Test
  @DisplayName("ACC-05: a clear session token cannot be stored as its hash")
  void aClearTokenCannotBeStoredAsItsHash() {
    assertThatThrownBy(() -> db.asApp(null, c -> {
      try (Statement st = c.createStatement()) {
        st.executeUpdate("insert into accounts (id, name, email, email_normalised, password_hash, age_attested_at,"
            + " minimum_age, created_at) values ('00000000-0000-4000-8000-000000000001', 'A', 'a@example.org',"
            + " 'a@example.org', '$x', now(), 16, now())");
        st.executeUpdate("insert into sessions (id, account_id, created_at, expires_at) values"
            + " ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', now(),"
            + " now() + interval '1 day')");
        return st.executeUpdate("insert into session_tokens (token_hash, session_id, issued_at) values ('ses_"
            + "A".repeat(60) + "', '00000000-0000-4000-8000-000000000002', now())");
      }
    })).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
  }
}
