package dev.custodian.crm.persistence.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.retention.AbstractRetentionStoreContractTest;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.testing.PortFixture;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.persistence.workspace.JooqWorkspaceStores;
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
  }
}
