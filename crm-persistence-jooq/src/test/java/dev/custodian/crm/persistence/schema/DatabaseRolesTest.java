package dev.custodian.crm.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseRolesTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  @DisplayName("TEN-02: the application role is neither superuser nor BYPASSRLS and owns nothing")
  void applicationRoleCannotBypassRowLevelSecurity() throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      ResultSet role = st.executeQuery(
          "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'crm_app'");
      assertThat(role.next()).isTrue();
      assertThat(role.getBoolean("rolsuper")).isFalse();
      assertThat(role.getBoolean("rolbypassrls")).isFalse();
      assertThat(role.getBoolean("rolcreaterole")).isFalse();
      assertThat(role.getBoolean("rolcreatedb")).isFalse();

      ResultSet owned = st.executeQuery(
          "select count(*) from pg_class where relowner = 'crm_app'::regrole");
      owned.next();
      assertThat(owned.getInt(1)).as("relations owned by crm_app").isZero();
      ResultSet schemas = st.executeQuery(
          "select count(*) from pg_namespace where nspowner = 'crm_app'::regrole");
      schemas.next();
      assertThat(schemas.getInt(1)).as("schemas owned by crm_app").isZero();

      ResultSet tables = st.executeQuery(
          "select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'crm_owner'");
      tables.next();
      assertThat(tables.getInt(1)).as("tables not owned by crm_owner").isZero();
    }
  }

  @Test
  void applicationRoleCannotChangeTheSchema() throws Exception {
    try (Connection c = db.appDataSource().getConnection(); Statement st = c.createStatement()) {
      assertThat(st.executeQuery("select current_user").next()).isTrue();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> st.execute("create table sneaky (id int)"))
          .isInstanceOf(java.sql.SQLException.class);
    }
  }
}
