package dev.custodian.crm.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sort key columns of text sorts (named {@code <field>_sort}): ordered by code point and
 * indexed for the walk, and filled for rows that existed before them exactly as the application
 * computes a key ({@link TextOrder#key}).
 */
class SortKeyColumnsTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void everySortKeyColumnIsCollatedC_notNull_andIndexedWithItsWorkspaceAndId() throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select table_name, column_name, collation_name, is_nullable"
            + " from information_schema.columns where table_schema = 'public' and column_name like '%\\_sort'")) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    assertThat(columns).extracting(col -> col[0] + "." + col[1]).contains("contacts.last_name_sort");
    for (String[] column : columns) {
      assertThat(column[2]).as("%s.%s collation", column[0], column[1]).isEqualTo("C");
      try (Connection c = db.superuserConnection();
          PreparedStatement st = c.prepareStatement("select indexdef from pg_indexes where tablename = ?")) {
        st.setString(1, column[0]);
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            indexes.add(rs.getString(1));
          }
        }
        if (column[0].equals("custom_field_values")) { // a field's values, of one kind of record each (V21)
          for (String record : List.of("contact_id", "company_id", "deal_id")) {
            assertThat(indexes).as("%s.%s index of %s", column[0], column[1], record)
                .anySatisfy(index -> assertThat(index)
                    .contains("(tenant_id, field_id, " + column[1] + ", " + record + ") WHERE"));
          }
          continue;
        }
        assertThat(indexes).as("%s.%s index", column[0], column[1])
            .anySatisfy(index -> assertThat(index).endsWith("(tenant_id, " + column[1] + ", id)"));
      }
    }
  }

  @Test
  void theMigrationFillsExistingContactsKeys_asTheApplicationComputesThem() throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from pg_collation where collname = 'pg_c_utf8'")) {
      rs.next();
      Assumptions.assumeTrue(rs.getInt(1) == 1, "pg_c_utf8 (PostgreSQL 17) lower-cases as the application does");
    }
    UUID workspace = UUID.randomUUID();
    Map<UUID, String> names = new LinkedHashMap<>();
    KeysetWalkCheck.NAMES.forEach(name -> names.put(UUID.randomUUID(), name));
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + workspace
          + "', 'W', 'w-" + workspace + "', 'ACTIVE', now())");
      try (PreparedStatement insert = c.prepareStatement("insert into contacts (tenant_id, id, first_name, last_name,"
          + " last_name_sort, email, email_normalised, created_at, updated_at, version)"
          + " values (?, ?, 'F', ?, 'stale', ?, ?, now(), now(), 1)")) {
        for (Map.Entry<UUID, String> contact : names.entrySet()) {
          insert.setObject(1, workspace);
          insert.setObject(2, contact.getKey());
          insert.setString(3, contact.getValue());
          insert.setString(4, contact.getKey() + "@x.org");
          insert.setString(5, contact.getKey() + "@x.org");
          insert.executeUpdate();
        }
      }
    }

    try (Connection owner = db.pool(DatabaseRoles.OWNER, db.ownerPassword(), 1).getConnection();
        Statement st = owner.createStatement()) {
      owner.setAutoCommit(false); // as Flyway runs it: in the migration's transaction
      st.execute(fillBlockOfTheMigration());
      owner.commit();
    }

    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("select id, last_name_sort from contacts where tenant_id = ?")) {
      st.setObject(1, workspace);
      Map<UUID, String> keys = new LinkedHashMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          keys.put(rs.getObject(1, UUID.class), rs.getString(2));
        }
      }
      assertThat(keys).hasSameSizeAs(names);
      names.forEach((id, name) -> assertThat(keys.get(id)).as(name).isEqualTo(TextOrder.key(name)));
    }
  }

  /** The {@code do} block of V12 that fills the existing contacts' keys, as the migration holds it. */
  private static String fillBlockOfTheMigration() throws IOException {
    try (InputStream in = SortKeyColumnsTest.class.getResourceAsStream("/db/migration/V12__list_sort_keys.sql")) {
      String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int start = migration.indexOf("do $$");
      int end = migration.indexOf("$$;", migration.indexOf("begin", start)) + 2;
      return migration.substring(start, end);
    }
  }
}
