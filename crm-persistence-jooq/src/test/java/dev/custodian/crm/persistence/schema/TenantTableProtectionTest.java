package dev.custodian.crm.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code crm_protect_tenant_table(regclass, text)}, the one way later migrations make a table
 * workspace-owned: applied by the owner to a fresh table, it leaves that table as isolated as the
 * hand-written ones of V2 and V3.
 */
class TenantTableProtectionTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();

  @BeforeAll
  static void protectedTableWithOneRowPerWorkspace() throws SQLException {
    try (Connection owner = db.pool(DatabaseRoles.OWNER, db.ownerPassword(), 1).getConnection();
        Statement st = owner.createStatement()) {
      st.execute("create table crm_test_notes (tenant_id uuid not null, id uuid not null,"
          + " constraint crm_test_notes_pk primary key (tenant_id, id))");
      st.execute("select crm_protect_tenant_table('crm_test_notes', 'select, insert')");
    }
    // Forced row-level security binds the owner too: the rows go in as the superuser.
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into crm_test_notes values ('" + A + "', gen_random_uuid()), ('" + B + "', gen_random_uuid())");
    }
  }

  @Test
  @DisplayName("TEN-02: a table protected by the function has row-level security enabled, forced and one policy")
  void catalogueShowsTheProtection() throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("""
            select t.relrowsecurity, t.relforcerowsecurity,
                   (select string_agg(polname, ',') from pg_policy p where p.polrelid = t.oid),
                   has_table_privilege('crm_app', t.oid, 'select'),
                   has_table_privilege('crm_app', t.oid, 'insert'),
                   has_table_privilege('crm_app', t.oid, 'update'),
                   has_table_privilege('crm_app', t.oid, 'delete'),
                   has_function_privilege('crm_app', 'crm_protect_tenant_table(regclass, text)', 'execute')
              from pg_class t where t.relname = 'crm_test_notes'
            """)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("enabled").isTrue();
      assertThat(rs.getBoolean(2)).as("forced").isTrue();
      assertThat(rs.getString(3)).isEqualTo("crm_test_notes_tenant_isolation");
      assertThat(List.of(rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)))
          .as("crm_app may select and insert only").containsExactly(true, true, false, false);
      assertThat(rs.getBoolean(8)).as("crm_app may not run the function").isFalse();
    }
  }

  @Test
  @DisplayName("TEN-02: through the function's policy the application role sees and writes only its workspace")
  void applicationRoleIsConfinedToTheBoundWorkspace() throws SQLException {
    assertThat(tenantsSeenAsApp(A)).containsExactly(A);
    assertThat(tenantsSeenAsApp(null)).isEmpty();
    assertThatThrownBy(() -> db.asApp(A, c -> c.createStatement()
        .execute("insert into crm_test_notes values ('" + B + "', gen_random_uuid())")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
  }

  @Test
  void refusesATableWithoutTenantIdAndPrivilegesBeyondRowWork() throws SQLException {
    try (Connection owner = db.pool(DatabaseRoles.OWNER, db.ownerPassword(), 1).getConnection();
        Statement st = owner.createStatement()) {
      st.execute("create table crm_test_platform (id uuid primary key)");
      assertThatThrownBy(() -> st.execute("select crm_protect_tenant_table('crm_test_platform', 'select')"))
          .isInstanceOf(SQLException.class);
      st.execute("create table crm_test_other (tenant_id uuid not null, id uuid primary key)");
      assertThatThrownBy(() -> st.execute("select crm_protect_tenant_table('crm_test_other', 'select, truncate')"))
          .isInstanceOf(SQLException.class);
    }
  }

  private static List<UUID> tenantsSeenAsApp(UUID workspace) throws SQLException {
    return db.asApp(workspace, c -> {
      List<UUID> seen = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select tenant_id from crm_test_notes")) {
        while (rs.next()) {
          seen.add(rs.getObject(1, UUID.class));
        }
      }
      return seen;
    });
  }
}
