package dev.custodian.crm.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.mail.AbstractMailTokenRepositoryContractTest;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mail token contract on the jOOQ adapter, and the application role's narrow grants on its table. */
class JooqMailTokenRepositoryTest extends AbstractMailTokenRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected MailTokenRepository mailTokens(PortFixture ports) {
    return JooqMailStores.tokens(db.persistence().transactions());
  }

  @Test
  void theApplicationRoleCannotDeleteTokensNorRewriteWhatTheyAre() {
    for (String sql : new String[] {
        "delete from mail_tokens",
        "update mail_tokens set token_hash = token_hash",
        "update mail_tokens set account_id = account_id",
        "update mail_tokens set expires_at = expires_at",
        "truncate mail_tokens"}) {
      assertThatThrownBy(() -> db.asApp(null, c -> {
        try (Statement st = c.createStatement()) {
          return st.executeUpdate(sql);
        }
      })).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
  }

  @Test
  void aClearTokenCannotBeStoredAsItsHash() {
    assertThatThrownBy(() -> db.asApp(null, c -> {
      try (Statement st = c.createStatement()) {
        return st.executeUpdate("insert into mail_tokens (token_hash, purpose, account_id, created_at, expires_at) "
            + "values ('vrf_" + "A".repeat(43) + "', 'VERIFY_EMAIL', gen_random_uuid(), now(), now() + interval '1 hour')");
      }
    })).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
  }
}
