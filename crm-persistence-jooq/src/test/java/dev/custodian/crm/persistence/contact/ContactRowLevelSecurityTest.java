package dev.custodian.crm.persistence.contact;

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
 * TEN-02, the second wall on its own: raw SQL through the application role, with no workspace filter
 * in the query, sees and changes only the rows of the workspace its transaction is bound to.
 */
class ContactRowLevelSecurityTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();
  private static final UUID CONTACT_OF_A = UUID.randomUUID();
  private static final UUID CONTACT_OF_B = UUID.randomUUID();

  @BeforeAll
  static void twoWorkspacesWithOneContactEach() throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      for (UUID ws : List.of(A, B)) {
        st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + ws
            + "', 'W', 'w-" + ws + "', 'ACTIVE', now())");
      }
      st.execute(insertSql(A, CONTACT_OF_A));
      st.execute(insertSql(B, CONTACT_OF_B));
    }
  }

  private static String insertSql(UUID workspace, UUID id) {
    return "insert into contacts (tenant_id, id, first_name, last_name, last_name_sort, email, email_normalised,"
        + " created_at, updated_at, version) values ('" + workspace + "', '" + id + "', 'F', 'L', 'l', '" + id
        + "@x.org', '" + id + "@x.org', now(), now(), 1)";
  }

  private static List<UUID> allContactIds(Connection c) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from contacts")) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  @Test
  @DisplayName("TEN-02: a query without a workspace filter sees only the bound workspace's contacts")
  void policyAloneHidesOtherWorkspaces() throws SQLException {
    assertThat(db.asApp(A, ContactRowLevelSecurityTest::allContactIds)).containsExactly(CONTACT_OF_A);
    assertThat(db.asApp(B, ContactRowLevelSecurityTest::allContactIds)).containsExactly(CONTACT_OF_B);
  }

  @Test
  @DisplayName("TEN-01: with no workspace set, the application role sees no contact at all")
  void noTenantSetSeesNothing() throws SQLException {
    assertThat(db.asApp(null, ContactRowLevelSecurityTest::allContactIds)).isEmpty();
  }

  @Test
  @DisplayName("TEN-02: inserting or moving a row into another workspace is refused by the policy")
  void writesIntoAnotherWorkspaceAreRefused() throws SQLException {
    assertThatThrownBy(() -> db.asApp(A, c -> c.createStatement().execute(insertSql(B, UUID.randomUUID()))))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    assertThatThrownBy(() -> db.asApp(A, c -> c.createStatement().executeUpdate(
        "update contacts set tenant_id = '" + B + "' where id = '" + CONTACT_OF_A + "'")))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    int updated = db.asApp(A, c -> c.createStatement().executeUpdate(
        "update contacts set first_name = 'Mallory' where id = '" + CONTACT_OF_B + "'"));
    int deleted = db.asApp(A, c -> c.createStatement().executeUpdate(
        "delete from contacts where id = '" + CONTACT_OF_B + "'"));
    assertThat(updated).isZero();
    assertThat(deleted).isZero();
    assertThat(db.asApp(B, ContactRowLevelSecurityTest::allContactIds)).containsExactly(CONTACT_OF_B);
  }

  @Test
  @DisplayName("TEN-02: every workspace-owned table has row-level security enabled, forced, and a policy")
  void everyTenantTableIsProtected() throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("""
            select t.relname, t.relrowsecurity, t.relforcerowsecurity,
                   (select count(*) from pg_policy p where p.polrelid = t.oid) as policies
              from pg_class t join pg_namespace n on n.oid = t.relnamespace
             where n.nspname = 'public' and t.relkind = 'r'
               and exists (select from pg_attribute a where a.attrelid = t.oid and a.attname = 'tenant_id')
            """)) {
      int tables = 0;
      while (rs.next()) {
        tables++;
        String table = rs.getString("relname");
        assertThat(rs.getBoolean("relrowsecurity")).as(table + " enable").isTrue();
        assertThat(rs.getBoolean("relforcerowsecurity")).as(table + " force").isTrue();
        assertThat(rs.getInt("policies")).as(table + " policies").isPositive();
      }
      assertThat(tables).isPositive();
    }
  }
}
