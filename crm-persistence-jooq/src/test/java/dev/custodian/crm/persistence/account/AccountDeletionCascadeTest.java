package dev.custodian.crm.persistence.account;

import static dev.custodian.crm.core.account.AccountFixtures.anAccount;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.Account;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.session.Session;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only the schema does: an account's sessions and their tokens go with it. Its memberships do
 * not (no foreign key: an embedder's actors need no account row, and the deletion use case must
 * check for last owners before it removes them).
 */
class AccountDeletionCascadeTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  @DisplayName("ACC-07: deleting an account deletes its sessions and their tokens, and no one else's")
  void deletingAnAccount_deletesItsSessionsAndTokens() throws SQLException {
    JooqPersistence p = db.persistence();
    Account gone = anAccount();
    Account stays = anAccount();
    Workspace workspace = aWorkspace();
    Instant now = Instant.parse("2026-06-07T08:09:10Z");
    Session goneSession = Session.start(new SessionId(UUID.randomUUID()), gone.id(), now, now.plus(Duration.ofDays(1)));
    Session staysSession = Session.start(new SessionId(UUID.randomUUID()), stays.id(), now, now.plus(Duration.ofDays(1)));
    String first = TokenHash.of("ses_first");
    p.transactions().inPlatform(() -> {
      p.accounts().insert(gone);
      p.accounts().insert(stays);
      p.workspaces().insert(workspace);
      p.memberships().insert(workspace.id(), gone.id(), Role.OWNER, now);
      p.memberships().insert(workspace.id(), stays.id(), Role.MEMBER, now);
      p.sessions().insert(goneSession, first);
      p.sessions().rotate(first, TokenHash.of("ses_second"), now.plusSeconds(1));
      p.sessions().insert(staysSession, TokenHash.of("ses_other"));
      return null;
    });

    try (Connection c = db.superuserConnection();
        PreparedStatement delete = c.prepareStatement("delete from accounts where id = ?")) {
      delete.setObject(1, gone.id().value());
      assertThat(delete.executeUpdate()).isEqualTo(1);

      assertThat(count(c, "select count(*) from sessions where account_id = ?", gone.id().value())).isZero();
      assertThat(count(c, "select count(*) from session_tokens where session_id = ?", goneSession.id().value())).isZero();
      assertThat(count(c, "select count(*) from memberships where account_id = ?", gone.id().value()))
          .as("left to the account deletion use case").isOne();
      assertThat(count(c, "select count(*) from session_tokens where session_id = ?", staysSession.id().value())).isOne();
      assertThat(count(c, "select count(*) from memberships where account_id = ?", stays.id().value())).isOne();
      assertThat(count(c, "select count(*) from workspaces where id = ?", workspace.id().value())).isOne();
    }
    assertThat(p.transactions().inPlatform(() -> p.sessions().findByTokenHash(first))).isEmpty();
  }

  private static long count(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
