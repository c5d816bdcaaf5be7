package dev.custodian.crm.persistence.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.imports.AbstractImportJobRepositoryContractTest;
import dev.custodian.crm.core.imports.DuplicateMode;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.ImportObject;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import dev.custodian.crm.core.imports.port.out.ImportStores;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JooqImportJobRepositoryTest extends AbstractImportJobRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ImportStores stores() {
    return db.persistence().imports().orElseThrow();
  }

  @Override
  protected ContactRepository contactStore() {
    return db.persistence().contacts();
  }

  @Override
  protected CompanyRepository companyStore() {
    return db.persistence().companies();
  }

  private static final Field<String> SYNCHRONOUS_COMMIT =
      DSL.field("current_setting('synchronous_commit')", String.class);

  @Test
  void givenABatchsFirstStatement_whenTheLeaseIsRenewed_thenTheSameStatementBindsTheWorkspaceAndTheBatchCommitsWithoutWaitingForItsFlush() {
    JooqTransactions jooq = db.persistence().transactions();
    Instant now = Instant.parse("2026-12-01T03:00:00Z");
    ImportJob job = ImportJob.queued(a, ImportJobId.of(UUID.randomUUID()), ImportObject.CONTACTS, DuplicateMode.SKIP,
        List.of("email"), 1, now);
    tx.inWorkspace(a, () -> {
      jobs.insert(job);
      queue.enqueue(a, job.id(), now);
      return null;
    });
    ImportQueue.Claim claim = tx.inPlatform(() -> queue.claim("w1", now, now.plusSeconds(60))).orElseThrow();
    long before = jooq.statements().statements();
    List<Boolean> seen = tx.inWorkspace(a, () -> List.of(queue.renew(claim, now.plusSeconds(120)),
        jobs.findById(a, job.id()).isPresent()));
    assertThat(seen).as("renewed; the workspace bound by that statement (row-level security shows its job)")
        .containsExactly(true, true);
    assertThat(jooq.statements().statements() - before).as("the renewal, then the job's read").isEqualTo(2);

    // the test server commits asynchronously anyway: on for this transaction, then renewed
    List<String> setting = tx.inWorkspace(a, () -> {
      jooq.dsl().fetchValue(DSL.field("set_config('synchronous_commit', 'on', true)", String.class));
      String set = jooq.dsl().fetchValue(SYNCHRONOUS_COMMIT);
      assertThat(queue.renew(claim, now.plusSeconds(150))).isTrue();
      return List.of(set, jooq.dsl().fetchValue(SYNCHRONOUS_COMMIT));
    });
    assertThat(setting).as("the batch's transaction commits without waiting for its flush").containsExactly("on", "off");
    assertThat(tx.inWorkspace(a, () -> queue.renew(new ImportQueue.Claim(a, job.id(), "w2", 0), now.plusSeconds(180))))
        .as("another worker's lease is not renewed").isFalse();
  }
}
