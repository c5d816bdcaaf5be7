package dev.custodian.crm.persistence.datamap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every column of the migrated schema names its data class, and every declaration names a column (RET-12). */
class ColumnClassesTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  /** {@code table.column} of every column of the schema's tables, as the catalogue lists them. */
  private static Set<String> catalogue(Connection c) throws SQLException {
    Set<String> columns = new LinkedHashSet<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
        select c.table_name, c.column_name from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
         order by 1, c.ordinal_position
        """)) {
      while (rs.next()) {
        columns.add(rs.getString(1) + "." + rs.getString(2));
      }
    }
    return columns;
  }

  private static Set<String> declared() {
    Set<String> columns = new LinkedHashSet<>();
    ColumnClasses.declared().forEach((table, byColumn) -> byColumn.keySet().forEach(c -> columns.add(table + "." + c)));
    return columns;
  }

  /** What disagrees: each undeclared column, and each declaration matching no column, by name. */
  private static List<String> disagreements(Set<String> catalogue) {
    List<String> wrong = new ArrayList<>();
    catalogue.stream().filter(c -> !declared().contains(c)).forEach(c -> wrong.add("undeclared: " + c));
    declared().stream().filter(c -> !catalogue.contains(c)).forEach(c -> wrong.add("no such column: " + c));
    return wrong;
  }

  @Test
  @DisplayName("RET-12: every column of the migrated schema (Flyway's history included) names its data class, and each declaration a real column")
  void everyColumnNamesItsClass() throws Exception {
    try (Connection c = db.superuserConnection()) {
      Set<String> catalogue = catalogue(c);
      assertThat(catalogue).contains("flyway_schema_history.version", "contacts.email", "workspaces.purge_at");
      assertThat(disagreements(catalogue)).isEmpty();
    }
  }

  @Test
  @DisplayName("RET-12: positive control: a scratch migration adding an undeclared column (and a table) fails the check, naming table.column")
  void anUndeclaredColumnIsNamed() throws Exception {
    try (Connection c = db.superuserConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("alter table contacts add column scratch_nickname text");
        st.execute("create table scratch_notes (id uuid primary key)");
        assertThat(disagreements(catalogue(c)))
            .containsExactlyInAnyOrder("undeclared: contacts.scratch_nickname", "undeclared: scratch_notes.id");
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  @DisplayName("RET-12: every class a column names is in the data map; DSR-02: every personal one has a CCPA category")
  void everyNamedClassIsMapped() {
    Set<String> named = new LinkedHashSet<>();
    ColumnClasses.declared().values().forEach(byColumn -> named.addAll(byColumn.values()));
    for (String name : named) {
      DataClass found = DataMap.standard().find(name).orElseThrow(() -> new AssertionError("no class " + name));
      assertThat(found.isPersonal()).isEqualTo(found.ccpa().isPresent());
    }
    assertThat(DataMap.standard().classes()).extracting(DataClass::name).as("every class stores something")
        .allSatisfy(name -> assertThat(named).contains(name));
  }

  @Test
  @DisplayName("RET-03: the map drives the purge: the tables of the classes that end with their workspace are those it names")
  void theMapNamesThePurgedTables() {
    List<String> ending = DataMap.standard().endingWithTheWorkspace().stream().map(DataClass::name).toList();
    List<String> tables = ColumnClasses.tablesOf(ending);
    assertThat(tables).contains("contacts", "memberships", "suppression_entries", "api_keys", "workspaces")
        .doesNotContain("audit_entries", "accounts");
    Map<String, Map<String, String>> declared = ColumnClasses.declared();
    assertThat(declared.get("workspaces")).containsEntry("name", "workspace_identity").containsEntry("id", "workspace_record");
  }
}
