package dev.custodian.crm.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What keeps an embedder from switching tenant isolation off by accident: credentials in the JDBC
 * URL, a role that bypasses row-level security, and a database that is not Custodian CRM's own.
 */
class IsolationSafeguardsTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  @DisplayName("TEN-02: a JDBC URL carrying user, password, or parameters that undo the role or its timeouts is refused, naming the parameter")
  void credentialsInTheUrlAreRefused() {
    for (String parameter : new String[] {"user", "password", "USER", "pass%77ord", "options", "socketTimeout", "service"}) {
      String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + parameter + "=postgres";
      String named = parameter.toLowerCase(java.util.Locale.ROOT).replace("%77", "w");
      assertThatThrownBy(() -> PostgresDataSources.pooled(url, DatabaseRoles.APP, db.appPassword(), 1, "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + named + "'")
          .hasMessageNotContaining("postgres,").hasMessageNotContaining("=postgres");
      assertThatThrownBy(() -> PostgresDataSources.unpooled(url, DatabaseRoles.APP, db.appPassword()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + named + "'");
    }
    assertThatThrownBy(() -> PostgresDataSources.unpooled(
        db.jdbcUrl().replace("//", "//postgres:secret@"), DatabaseRoles.APP, db.appPassword()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
    PostgresDataSources.unpooled(db.jdbcUrl(), DatabaseRoles.APP, db.appPassword()); // the plain URL is fine
  }

  @Test
  @DisplayName("TEN-02: the persistence refuses, in one line, a role that is superuser, has BYPASSRLS or owns a workspace-owned table")
  void unsafeRolesAreRefused() throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String password = "pw-" + UUID.randomUUID();
    String superuser = "crm_test_super_" + suffix;
    String bypassing = "crm_test_bypass_" + suffix;
    String owning = "crm_test_owning_" + suffix;
    String memberOfOwner = "crm_test_member_" + suffix;
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("create role " + superuser + " login superuser password '" + password + "'");
      st.execute("create role " + bypassing + " login bypassrls password '" + password + "'");
      st.execute("create role " + owning + " login password '" + password + "'");
      st.execute("create table crm_test_owned_" + suffix + " (tenant_id uuid not null)");
      st.execute("alter table crm_test_owned_" + suffix + " owner to " + owning);
      // NOINHERIT, like crm_app: it does not use the owner's rights by itself, but may SET ROLE to it
      st.execute("create role " + memberOfOwner + " login noinherit password '" + password + "'");
      st.execute("grant " + DatabaseRoles.OWNER + " to " + memberOfOwner);
    }
    assertRefused(superuser, password, "is a superuser");
    assertRefused(bypassing, password, "has BYPASSRLS");
    assertRefused(owning, password, "owns workspace-owned tables");
    assertRefused(memberOfOwner, password, "owns workspace-owned tables (or may SET ROLE to their owner)");
    assertThat(JooqPersistence.create(db.appDataSource())).isNotNull(); // crm_app passes
  }

  private static void assertRefused(String role, String password, String why) {
    assertThatThrownBy(() -> JooqPersistence.create(db.pool(role, password, 1)))
        .isInstanceOf(ApplicationRoleCheck.UnsafeRoleException.class)
        .hasMessageContaining(role).hasMessageContaining(why)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(password));
  }

  @Test
  void aDatabaseWithAnotherApplicationsFlywayHistoryIsRefused_notMisreadAsAChecksumMismatch() throws SQLException {
    String other = db.server().createDatabase(); // a copy of the migrated template ...
    try (Connection c = db.server().superuserConnection(other); Statement st = c.createStatement()) {
      // ... whose history now also lists another application's migration
      st.execute("insert into flyway_schema_history (installed_rank, version, description, type, script,"
          + " checksum, installed_by, execution_time, success) values (100, '100', 'billing', 'SQL',"
          + " 'V100__billing.sql', 42, 'someone', 1, true)");
    }
    try {
      assertThatThrownBy(() -> Migrations.migrate(PostgresDataSources.unpooled(
          db.server().urlFor(other), DatabaseRoles.OWNER, db.ownerPassword())))
          .isInstanceOf(Migrations.ForeignHistoryException.class)
          .hasMessageContaining("database of its own");
    } finally {
      db.server().dropDatabase(other);
    }
    assertThat(Migrations.migrate(PostgresDataSources.unpooled(db.jdbcUrl(), DatabaseRoles.OWNER,
        db.ownerPassword()))).as("our own history migrates as before").isZero();
  }
}
