package dev.custodian.crm.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;


import dev.custodian.crm.core.access.AbstractMembershipRepositoryContractTest;
import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;

import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The membership contract on the jOOQ adapter, and the application role's narrow grants on its table. */
class JooqMembershipRepositoryTest extends AbstractMembershipRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected MembershipRepository memberships() {
    return JooqAccessStores.memberships(db.persistence().transactions());
  }

  @Test
  void theApplicationRoleMayChangeAMembersRoleAndRemoveMembers_butRewriteNothingElse() throws Exception {
    assertThat(db.sqlStatesAsApp(
        "truncate memberships",
        "update memberships set account_id = account_id",
        "update memberships set workspace_id = workspace_id",
        "update memberships set created_at = created_at"))
        .as("each refused with SQLState 42501").containsOnly("42501");
    // What the use cases do is allowed (and rolled back by asApp).
    for (String sql : new String[] {
        "update memberships set role = role",
        "delete from memberships where workspace_id = gen_random_uuid()",
        "select 1 from memberships where workspace_id = gen_random_uuid() for update"}) {
      assertThatCode(() -> db.asApp(null, c -> {
        try (Statement st = c.createStatement()) {
          return st.execute(sql);
        }
      })).as(sql).doesNotThrowAnyException();
    }
  }
}
