package dev.custodian.crm.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceName;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No bound value reaches a log line: not ours, not the driver's, not the database server's. */
class LogProbeTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  @org.junit.jupiter.api.DisplayName("TEL-10: a unique violation and an invalid value leave their values in no log line, server log or exception")
  void givenUniqueViolationAndInvalidValueWithMarker_thenMarkerIsInNoLogLineNorException() throws Exception {
    String marker = "marker" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    Transactions tx = db.persistence().transactions();
    Path serverLog = db.server().serverLog().orElse(null);
    long serverLogBefore = serverLog == null ? 0 : Files.size(serverLog);

    try (LogCapture logs = new LogCapture()) {
      Workspace first = workspace(marker);
      tx.inPlatform(() -> { db.workspaces().insert(first); return null; });
      Throwable duplicate = catchThrowable(() -> tx.inPlatform(() -> {
        db.workspaces().insert(workspace(marker));
        return null;
      }));
      assertThat(duplicate).isInstanceOf(ConflictException.class);

      // An invalid value reaching the server through the application role: too long for its column.
      Throwable tooLong;
      try (Connection c = db.appDataSource().getConnection();
          PreparedStatement insert = c.prepareStatement(
              "insert into workspaces (id, name, slug, status, created_at) values (?, ?, ?, 'ACTIVE', now())")) {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, marker.repeat(20));
        insert.setString(3, "x" + marker);
        tooLong = catchThrowable(insert::executeUpdate);
      }
      assertThat(tooLong).isNotNull();

      assertThat(chain(duplicate)).doesNotContain(marker);
      assertThat(chain(tooLong)).doesNotContain(marker);
      assertThat(logs.lines()).noneMatch(line -> line.contains(marker));
    }
    if (serverLog != null) {
      String written = Files.readString(serverLog).substring((int) serverLogBefore);
      assertThat(written).as("the server logged both errors").contains("workspaces_slug_uk");
      assertThat(written).doesNotContain(marker);
    }
  }

  @Test
  @org.junit.jupiter.api.DisplayName("TEL-10, CRM-01: where a DBA logs every statement with its details, no value bound by crm_app is logged; another role's is (negative control)")
  void theApplicationRoleLogsNoBoundValue() throws Exception {
    Path serverLog = db.server().serverLog().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(serverLog != null, "an external server's log is not ours to read");
    String marker = "bound" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    long before = Files.size(serverLog);
    // The DBA's settings, for sessions opened from now on (the test server logs tersely otherwise).
    String[] verbose = {"log_statement = 'all'", "log_error_verbosity = 'default'"};
    try (Connection su = db.superuserConnection(); java.sql.Statement st = su.createStatement()) {
      for (String setting : verbose) {
        st.execute("alter role " + DatabaseRoles.APP + " set " + setting);
      }
    }
    try {
      try (Connection app = DriverManager.getConnection(db.jdbcUrl(), DatabaseRoles.APP, db.appPassword());
          PreparedStatement probe = app.prepareStatement("select length(?::text)")) {
        probe.setString(1, marker + "-app");
        probe.executeQuery().close();
      }
      try (Connection su = db.superuserConnection(); java.sql.Statement st = su.createStatement()) {
        st.execute("set log_statement = 'all'");
        st.execute("set log_error_verbosity = 'default'");
        try (PreparedStatement probe = su.prepareStatement("select length(?::text)")) {
          probe.setString(1, marker + "-superuser");
          probe.executeQuery().close();
        }
      }
    } finally {
      try (Connection su = db.superuserConnection(); java.sql.Statement st = su.createStatement()) {
        for (String setting : verbose) {
          st.execute("alter role " + DatabaseRoles.APP + " reset " + setting.substring(0, setting.indexOf(' ')));
        }
      }
    }
    byte[] all = Files.readAllBytes(serverLog);
    String written = new String(all, (int) before, all.length - (int) before, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(written).as("negative control: the superuser's bound value, in its statement's details")
        .contains(marker + "-superuser");
    assertThat(written).as("the application role's statement was logged").contains("select length($1::text)");
    assertThat(written).as("the application role's bound value").doesNotContain(marker + "-app");
  }

  private static Workspace workspace(String marker) {
    return Workspace.create(WorkspaceId.of(UUID.randomUUID()), new WorkspaceName("Probe"),
        new Slug(marker), Instant.now());
  }

  private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return org.assertj.core.api.Assertions.catchThrowable(call);
  }

  private static String chain(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
      for (Throwable s : c.getSuppressed()) {
        all.append(s).append('\n');
      }
    }
    return all.toString();
  }
}
