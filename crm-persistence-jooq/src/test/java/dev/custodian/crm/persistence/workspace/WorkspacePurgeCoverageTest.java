package dev.custodian.crm.persistence.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The purge knows every table of a workspace's data: each table of the migrated schema with a
 * {@code tenant_id} or {@code workspace_id} column is emptied by {@link JooqWorkspacePurge}, or is
 * on the closed list of what outlives a workspace (RET-03). A migration adding such a table fails
 * here until it takes a side.
 */
class WorkspacePurgeCoverageTest {

  /**
   * What outlives a workspace's purge, RET-11's closed list, one entry per table: the workspace's
   * audit chain (RET-08: kept; purging its entries 12 months after the workspace ends is left for
   * later; its head in audit_chain_heads is keyed by chain_id), and the consent ledger (CON-04,
   * RET-09: its entries, naming no one once the subjects' links are purged, and the purposes they
   * name; the ledger's own purge is left for later).
   */
  static final Set<String> KEPT = Set.of(
      "audit_entries", "consent_events", "consent_purposes");

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  @DisplayName("RET-03: every table naming a workspace is purged with it or on the closed list of kept tables")
  void everyWorkspaceTableIsPurgedOrKept() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("""
            select distinct table_name from information_schema.columns
             where table_schema = 'public' and column_name in ('tenant_id', 'workspace_id')
             order by 1
            """)) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    List<String> purged = new ArrayList<>(JooqWorkspacePurge.APPEND_ONLY_TABLES);
    purged.addAll(JooqWorkspacePurge.TENANT_TABLES);
    purged.addAll(JooqWorkspacePurge.PLATFORM_TABLES);
    purged.add("mail_outbox");
    purged.addAll(JooqWorkspacePurge.BOOKKEEPING_TABLES);
    assertThat(tables).as("tables naming a workspace").isNotEmpty()
        .allSatisfy(table -> assertThat(purged.contains(table) || KEPT.contains(table))
            .as("%s is purged with its workspace or kept", table).isTrue());
    assertThat(purged).as("every table the purge names exists").allSatisfy(table -> assertThat(tables).contains(table));
  }
}
