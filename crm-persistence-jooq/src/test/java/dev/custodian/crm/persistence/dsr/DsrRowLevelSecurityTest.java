package dev.custodian.crm.persistence.dsr;

import static org.assertj.core.api.Assertions.assertThat;

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
 * TEN-02 in SQL: as the application role each request table (requests, history, the emailed
 * codes' hashes) shows only the bound workspace's rows;
 * the history is append-only for the application role (no grant to update, delete or truncate it).
 */
class DsrRowLevelSecurityTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();
  private static final List<String> TABLES = List.of("dsr_requests", "dsr_events", "dsr_codes");

  @BeforeAll
  static void twoWorkspacesWithRequests() throws SQLException {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      for (UUID ws : List.of(A, B)) {
        UUID request = UUID.randomUUID();
        st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + ws
            + "', 'W', 'w-" + ws + "', 'ACTIVE', now())");
        st.execute("insert into dsr_requests (tenant_id, id, type, email, address_hash, california_request,"
            + " received_at, due_at, state, created_at, updated_at, version) values ('" + ws + "', '" + request
            + "', 'ERASURE', 'p@x.org', '" + "a".repeat(64) + "', false, now(), now() + interval '30 days',"
            + " 'RECEIVED', now(), now(), 1)");
        st.execute("insert into dsr_events (tenant_id, id, request_id, kind, occurred_at, actor) values ('" + ws
            + "', '" + UUID.randomUUID() + "', '" + request + "', 'RECEIVED', now(), 'anonymous')");
        st.execute("insert into dsr_codes (tenant_id, request_id, code_hash, expires_at, failed_attempts) values ('"
            + ws + "', '" + request + "', '" + "b".repeat(64) + "', now() + interval '10 minutes', 0)");
      }
    }
  }

  @Test
  @DisplayName("TEN-02: raw SQL as crm_app sees only the bound workspace's requests and history entries")
  void eachTableShowsOnlyTheBoundWorkspace() throws SQLException {
    for (String table : TABLES) {
      db.assertEachWorkspaceSeesOnlyItsRows(table, A, B);
    }
  }

  @Test
  @DisplayName("As crm_app, a request's history is append-only: UPDATE, DELETE and TRUNCATE of dsr_events fail with 42501")
  void theApplicationRoleCannotChangeTheHistory() throws SQLException {
    assertThat(db.sqlStatesAsApp(
        "update dsr_events set kind = 'COMPLETED'",
        "delete from dsr_events",
        "truncate dsr_events"))
        .containsExactly("42501", "42501", "42501");
  }
}
