package dev.custodian.crm.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.schema.Migrations;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V11 on a database that held workspaces before pipelines existed: each gets the default pipeline
 * "Sales" a new workspace gets (a purged one none), under row-level security as every workspace-owned row.
 */
class PipelineMigrationTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void workspacesCreatedBeforeTheMigration_listSalesWithSixStages() throws SQLException {
    String name = "crm_test_premigration_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = db.server().superuserConnection("postgres")) {
      DatabaseRoles.createDatabase(c, name, null);
    }
    try {
      DataSource owner = PostgresDataSources.unpooled(db.server().urlFor(name), DatabaseRoles.OWNER, db.ownerPassword());
      Flyway.configure().dataSource(owner).locations("classpath:db/migration").target("9").load().migrate();
      UUID active = UUID.randomUUID();
      UUID cancelled = UUID.randomUUID();
      UUID purged = UUID.randomUUID();
      try (Connection c = db.server().superuserConnection(name); Statement st = c.createStatement()) {
        st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + active
            + "', 'Old', 'old-active', 'ACTIVE', now())");
        st.execute("insert into workspaces (id, name, slug, status, cancelled_at, created_at) values ('" + cancelled
            + "', 'Old', 'old-cancelled', 'CANCELLED', now(), now())");
        st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + purged
            + "', 'Old', 'old-purged', 'PURGED', now())");
      }

      assertThat(Migrations.migrate(owner)).isPositive();

      JooqPersistence app = JooqPersistence.create(
          PostgresDataSources.unpooled(db.server().urlFor(name), DatabaseRoles.APP, db.appPassword()));
      for (UUID workspace : List.of(active, cancelled)) {
        WorkspaceId id = WorkspaceId.of(workspace);
        List<Pipeline> pipelines = app.transactions().inWorkspace(id, () -> app.pipelines().list(id));
        assertThat(pipelines).singleElement().satisfies(sales -> {
          assertThat(sales.name().value()).isEqualTo("Sales");
          assertThat(sales.isDefault()).isTrue();
          assertThat(sales.version()).isEqualTo(1);
          assertThat(sales.stages()).extracting(s -> s.name().value(), Stage::kind, s -> s.probability().value(),
              Stage::position).containsExactly(
              tuple("Lead", StageKind.OPEN, 10, 1), tuple("Qualified", StageKind.OPEN, 25, 2),
              tuple("Proposal", StageKind.OPEN, 50, 3), tuple("Negotiation", StageKind.OPEN, 75, 4),
              tuple("Won", StageKind.WON, 100, 5), tuple("Lost", StageKind.LOST, 0, 6));
        });
      }
      WorkspaceId purgedId = WorkspaceId.of(purged);
      assertThat(app.transactions().inWorkspace(purgedId, () -> app.pipelines().list(purgedId))).isEmpty();
      try (Connection c = db.server().superuserConnection(name); Statement st = c.createStatement();
          var rs = st.executeQuery("select count(*) from pipeline_stages")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(12);
      }
    } finally {
      db.server().dropDatabase(name);
    }
  }
}
