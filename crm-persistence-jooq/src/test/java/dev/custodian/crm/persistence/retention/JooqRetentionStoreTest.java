package dev.custodian.crm.persistence.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.retention.AbstractRetentionStoreContractTest;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
import java.time.Duration;
import java.time.Instant;
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
        new RetentionStep("import_jobs", "import_job"));
    assertThat(store.workspaceExpirySteps()).containsExactly(new RetentionStep("dsr_packages", "subject_package"));
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
    RetentionStep step = new RetentionStep("dsr_packages", "subject_package");

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
}
