package dev.custodian.crm.persistence.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.retention.AbstractRetentionStoreContractTest;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retention store's contract on the jOOQ adapter, as the application role; and its steps are the purge's. */
class JooqRetentionStoreTest extends AbstractRetentionStoreContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected RetentionStore store(PortFixture ports) {
    return JooqRetentionStores.store(db.persistence().transactions());
  }

  @Test
  void theWorkspaceStepsAreThePurgesTables_inItsOrder_butTheUnsentNotices() {
    assertThat(store.workspaceSteps()).extracting(RetentionStep::table)
        .containsExactlyElementsOf(JooqWorkspaceStores.purgeOrder().stream()
            .filter(table -> !table.equals("mail_outbox")).toList());
    assertThat(store.workspaceSteps()).filteredOn(step -> step.table().equals("contacts"))
        .extracting(RetentionStep::dataClass).containsExactly("contact");
    assertThat(store.expirySteps()).containsExactly(new RetentionStep("mail_tokens", "mail_token"),
        new RetentionStep("import_jobs", "import_job"), new RetentionStep("dsr_codes", "privacy_request_code"));
    assertThat(store.workspaceExpirySteps()).containsExactly(new RetentionStep("dsr_packages", "subject_package")
        .audited(AuditAction.SUBJECT_PACKAGE_DELETED, AuditTargetType.SUBJECT_PACKAGE));
  }

  @Test
  @DisplayName("RET-12: the packages' expiry step finds the workspaces with expired packages, then deletes each one's with their chunks in its own transaction, as crm_app")
  void expiredPackagesGoWithTheirChunks() {
    PackageStore packages = db.persistence().packageStore();
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    UUID inA = UUID.randomUUID();
    UUID inB = UUID.randomUUID();
    UUID fresh = UUID.randomUUID();
    for (Object[] p : new Object[][] {{a, inA, now}, {b, inB, now.minusSeconds(60)}, {a, fresh, now.plusSeconds(60)}}) {
      WorkspaceId workspace = (WorkspaceId) p[0];
      run(workspace, () -> {
        packages.create(workspace, (UUID) p[1], UUID.randomUUID(), now.minus(Duration.ofDays(7)), (Instant) p[2]);
        packages.appendChunk(workspace, (UUID) p[1], 0, new byte[] {1});
        packages.appendChunk(workspace, (UUID) p[1], 1, new byte[] {2});
      });
    }
    RetentionStep step = store.workspaceExpirySteps().get(0);

    assertThat(tx.inPlatform(() -> store.countExpired(step, now))).isGreaterThanOrEqualTo(2);
    assertThat(tx.inPlatform(() -> store.expiredByWorkspace(step, now, 100_000))).containsEntry(a, 1L)
        .containsEntry(b, 1L);
    assertThat(in(a, () -> store.deleteExpired(a, step, now, 1000))).as("only a's, only expired").contains(inA)
        .doesNotContain(inB, fresh);
    assertThat(in(b, () -> store.deleteExpired(b, step, now, 1000))).contains(inB);

    assertThat(in(a, () -> packages.chunk(a, inA, 0))).isEmpty();
    assertThat(in(b, () -> packages.chunk(b, inB, 1))).isEmpty();
    assertThat(in(a, () -> packages.chunk(a, fresh, 0))).as("not expired yet").isPresent();
    assertThat(in(a, () -> store.deleteExpired(a, step, now, 1000))).isEmpty();
    assertThat(tx.inPlatform(() -> store.expiredByWorkspace(step, now, 100_000))).doesNotContainKeys(a, b);
  }

  @Test
  @DisplayName("RET-12: privacy requests' codes go a day after their expiry, workspace by workspace under its row-level security as crm_app, in batches; younger ones and a due workspace's (left to its purge) stay")
  void expiredRequestCodesGoADayAfterTheirExpiry() throws Exception {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    UUID activeA = workspaceRow("ACTIVE", null);
    UUID activeB = workspaceRow("ACTIVE", null);
    UUID due = workspaceRow("CANCELLED", now.minus(Duration.ofDays(1)));
    UUID longGone = requestWithCode(activeA, now.minus(Duration.ofDays(2)));
    UUID lateTry = requestWithCode(activeA, now.minus(Duration.ofHours(12)));
    UUID aDayAgo = requestWithCode(activeB, now.minus(Duration.ofDays(1)));
    UUID ofDue = requestWithCode(due, now.minus(Duration.ofDays(5)));
    RetentionStep step = new RetentionStep("dsr_codes", "privacy_request_code");

    assertThat(tx.inPlatform(() -> store.countExpired(step, now))).isEqualTo(2);
    assertThat(codes()).as("counting changes nothing").containsExactlyInAnyOrder(longGone, lateTry, aDayAgo, ofDue);
    assertThat(tx.inPlatform(() -> store.deleteExpired(step, now, 1))).as("a batch of one").isEqualTo(1);
    assertThat(tx.inPlatform(() -> store.deleteExpired(step, now, 1000))).isEqualTo(1);
    assertThat(tx.inPlatform(() -> store.deleteExpired(step, now, 1000))).isZero();
    assertThat(tx.inPlatform(() -> store.countExpired(step, now))).isZero();
    assertThat(codes()).containsExactlyInAnyOrder(lateTry, ofDue);
    assertThat(tx.inPlatform(() -> store.countExpired(step, now.plus(Duration.ofHours(12))))).isEqualTo(1);
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("delete from dsr_requests where id in ('" + lateTry + "', '" + ofDue + "')");
    }
  }

  /** A workspace's row, {@code status} (a CANCELLED one due at {@code purgeAt}). */
  private static UUID workspaceRow(String status, Instant purgeAt) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection c = db.superuserConnection(); PreparedStatement st = c.prepareStatement(
        "insert into workspaces (id, name, slug, status, created_at, cancelled_at, purge_at)"
            + " values (?, 'W', ?, ?, now(), ?, ?)")) {
      st.setObject(1, id);
      st.setString(2, "w-" + id);
      st.setString(3, status);
      st.setObject(4, purgeAt == null ? null : SqlTime.utc(purgeAt.minus(Duration.ofDays(30))));
      st.setObject(5, purgeAt == null ? null : SqlTime.utc(purgeAt));
      st.executeUpdate();
    }
    return id;
  }

  /** A received request of the workspace with its emailed code, expiring at {@code expiresAt}. */
  private static UUID requestWithCode(UUID workspace, Instant expiresAt) throws Exception {
    UUID request = UUID.randomUUID();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into dsr_requests (tenant_id, id, type, email, address_hash, california_request,"
          + " received_at, due_at, state, created_at, updated_at, version) values ('" + workspace + "', '" + request
          + "', 'ERASURE', 'p@x.org', '" + "a".repeat(64) + "', false, now(), now() + interval '30 days',"
          + " 'RECEIVED', now(), now(), 1)");
      st.execute("insert into dsr_codes (tenant_id, request_id, code_hash, expires_at, failed_attempts) values ('"
          + workspace + "', '" + request + "', '" + "b".repeat(64) + "', '" + expiresAt + "', 0)");
    }
    return request;
  }

  /** The requests that still have a code, as the superuser sees them. */
  private static Set<UUID> codes() throws Exception {
    Set<UUID> left = new HashSet<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select request_id from dsr_codes")) {
      while (rs.next()) {
        left.add(rs.getObject(1, UUID.class));
      }
    }
    return left;
  }
}
