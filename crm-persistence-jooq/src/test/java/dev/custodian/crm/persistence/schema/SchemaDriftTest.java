package dev.custodian.crm.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.persistence.generated.DefaultSchema;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated jOOQ code and the schema that the migrations create on a real PostgreSQL must
 * describe the same tables, columns, types and nullability, so the two can never drift apart.
 */
class SchemaDriftTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Map<Class<?>, String> PG_TYPES = Map.of(
      UUID.class, "uuid",
      OffsetDateTime.class, "timestamptz",
      LocalDate.class, "date",
      Long.class, "int8",
      Integer.class, "int4",
      Short.class, "int2",
      Boolean.class, "bool",
      byte[].class, "bytea",
      BigDecimal.class, "numeric");

  @Test
  void migratedSchemaMatchesTheGeneratedCode() throws SQLException {
    try (Connection c = db.superuserConnection()) {
      assertThat(columnsInDatabase(c)).containsExactlyElementsOf(columnsInGeneratedCode());
    }
  }

  @Test
  void givenMigrationAddsAColumnTheCodeLacks_thenTheComparisonFails() throws SQLException {
    try (Connection c = db.superuserConnection()) {
      c.setAutoCommit(false); // DDL is transactional in PostgreSQL: the probe column is rolled back
      try (Statement st = c.createStatement()) {
        st.execute("alter table workspaces add column drift_probe varchar(10)");
        st.execute("alter table workspaces alter column name type text");
        Set<String> database = columnsInDatabase(c);
        assertThat(database).isNotEqualTo(columnsInGeneratedCode());
        assertThat(database).contains("workspaces.drift_probe varchar(10) null", "workspaces.name text null");
      } finally {
        c.rollback();
      }
    }
  }

  static Set<String> columnsInDatabase(Connection c) throws SQLException {
    Set<String> columns = new TreeSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("""
            select table_name, column_name, udt_name, character_maximum_length, is_nullable
              from information_schema.columns
             where table_schema = 'public' and table_name <> 'flyway_schema_history'
            """)) {
      while (rs.next()) {
        Object length = rs.getObject("character_maximum_length");
        String type = rs.getString("udt_name") + (length == null ? "" : "(" + length + ")");
        columns.add(rs.getString("table_name") + "." + rs.getString("column_name") + " " + type
            + ("YES".equals(rs.getString("is_nullable")) ? " null" : " not null"));
      }
    }
    return columns;
  }

  static Set<String> columnsInGeneratedCode() {
    Set<String> columns = new TreeSet<>();
    for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      for (Field<?> field : table.fields()) {
        DataType<?> type = field.getDataType();
        columns.add(table.getName() + "." + field.getName() + " " + pgType(type)
            + (type.nullable() ? " null" : " not null"));
      }
    }
    return columns;
  }

  private static String pgType(DataType<?> type) {
    if (type.getType() == String.class) {
      return type.hasLength() && type.length() > 0 ? "varchar(" + type.length() + ")" : "text";
    }
    String pg = PG_TYPES.get(type.getType());
    return pg != null ? pg : "unmapped " + type.getTypeName();
  }
}
