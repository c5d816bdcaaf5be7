package dev.custodian.crm.persistence.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-02 and CON-04 in SQL: as the application role each consent table shows only the bound
 * workspace's rows; the ledger refuses UPDATE, DELETE and TRUNCATE to the application role (no
 * grant) and to its owner (triggers).
 */
class ConsentRowLevelSecurityTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();
  private static final List<String> TABLES =
      List.of("consent_purposes", "consent_subjects", "consent_events", "processing_restrictions",
          "consent_confirmations");

  @BeforeAll
  static void twoWorkspacesWithConsentRows() throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      for (UUID ws : List.of(A, B)) {
        UUID contact = UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + ws
            + "', 'W', 'w-" + ws + "', 'ACTIVE', now())");
        st.execute("insert into contacts (tenant_id, id, first_name, last_name, last_name_sort, email,"
            + " email_normalised, created_at, updated_at, version) values ('" + ws + "', '" + contact
            + "', 'F', 'L', 'l', '" + contact + "@x.org', '" + contact + "@x.org', now(), now(), 1)");
        st.execute("insert into consent_purposes (tenant_id, purpose_key, name, legal_basis, direct_marketing,"
            + " double_opt_in, created_at, updated_at, version) values ('" + ws
            + "', 'newsletter', 'N', 'CONSENT', true, false, now(), now(), 1)");
        st.execute("insert into consent_subjects (tenant_id, contact_id, subject_ref) values ('" + ws + "', '"
            + contact + "', '" + subject + "')");
        st.execute("insert into consent_events (tenant_id, id, subject_ref, address_hash, purpose_key,"
            + " legal_basis, kind, source, occurred_at, recorded_at, notice_version, actor) values ('" + ws
            + "', '" + UUID.randomUUID() + "', '" + subject + "', '" + "a".repeat(64)
            + "', 'newsletter', 'CONSENT', 'GRANTED', 'FORM', now(), now(), 'v1', 'system')");
        st.execute("insert into processing_restrictions (tenant_id, contact_id, restricted_at) values ('" + ws
            + "', '" + contact + "', now())");
        st.execute("insert into consent_confirmations (tenant_id, id, contact_id, purpose_key, notice_version,"
            + " requested_at) values ('" + ws + "', '" + UUID.randomUUID() + "', '" + contact
            + "', 'newsletter', 'v1', now())");
      }
    }
  }

  @Test
  @DisplayName("TEN-02: raw SQL as crm_app sees only the bound workspace's rows of each consent table")
  void eachTableShowsOnlyTheBoundWorkspace() throws SQLException {
    for (String table : TABLES) {
      db.assertEachWorkspaceSeesOnlyItsRows(table, A, B);
    }
  }

  @Test
  @DisplayName("CON-04: as crm_app, UPDATE, DELETE and TRUNCATE of consent_events fail with 42501")
  void theApplicationRoleCannotChangeTheLedger() throws SQLException {
    assertThat(db.sqlStatesAsApp(
        "update consent_events set kind = 'WITHDRAWN'",
        "delete from consent_events",
        "truncate consent_events"))
        .containsExactly("42501", "42501", "42501");
  }

  @Test
  @DisplayName("CON-04: as crm_owner, triggers refuse UPDATE, DELETE and TRUNCATE of consent_events")
  void theOwnerCannotChangeTheLedgerEither() throws SQLException {
    try (Connection c = db.pool("crm_owner", db.ownerPassword(), 1).getConnection()) {
      for (String sql : List.of("update consent_events set kind = 'WITHDRAWN' where tenant_id = '" + A + "'",
          "delete from consent_events where tenant_id = '" + A + "'", "truncate consent_events")) {
        c.setAutoCommit(false);
        try (Statement set = c.createStatement()) {
          set.execute("select set_config('crm.tenant_id', '" + A + "', true)");
        }
        assertThatThrownBy(() -> {
          try (Statement st = c.createStatement()) {
            st.execute(sql);
          }
        }).as(sql).isInstanceOf(SQLException.class);
        c.rollback();
      }
    }
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from consent_events")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
