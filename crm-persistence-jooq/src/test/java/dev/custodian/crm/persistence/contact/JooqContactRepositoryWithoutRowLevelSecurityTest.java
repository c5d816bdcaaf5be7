package dev.custodian.crm.persistence.contact;

import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.contact.AbstractContactRepositoryContractTest;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-01, the first wall on its own: the contact contract through a role that BYPASSES row-level
 * security, so every tenant-scoping case passes only because the queries filter by themselves.
 */
@DisplayName("TEN-01: contact queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqContactRepositoryWithoutRowLevelSecurityTest extends AbstractContactRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final String ROLE = "crm_test_bypassrls";
  private static final String PASSWORD = "bypass-" + java.util.UUID.randomUUID();
  private static JooqPersistence bypassing;

  @BeforeAll
  static void bypassingRole() throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + ROLE + "') then "
          + "create role " + ROLE + "; end if; end $$");
      st.execute("alter role " + ROLE + " login bypassrls nosuperuser inherit password '" + PASSWORD + "'");
      st.execute("grant crm_app to " + ROLE);
      try (var rs = st.executeQuery("select rolbypassrls from pg_roles where rolname = '" + ROLE + "'")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new IllegalStateException("the test role must bypass row-level security");
        }
      }
    }
    bypassing = JooqPersistence.create(db.pool(ROLE, PASSWORD, 4));
  }

  @Override
  protected Transactions transactions() {
    return bypassing.transactions();
  }

  @Override
  protected WorkspaceRepository workspaces() {
    return bypassing.workspaces();
  }

  @Override
  protected ContactRepository contacts() {
    return bypassing.contacts();
  }
}
