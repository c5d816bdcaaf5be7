package dev.custodian.crm.core.tenancy;

import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.testing.InMemoryPorts;
import dev.custodian.crm.core.testing.PortFixture;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactions contract on the in-memory fake. It has no pool, so its one connection is
 * itself; it serialises its transactions, so a writer waits for an open snapshot.
 */
class InMemoryTransactionsTest extends AbstractTransactionsContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected OneConnection oneConnection(PortFixture fixture) {
    return new OneConnection(ports.transactions(), ports.workspaces());
  }

  @Override
  protected Optional<WorkspaceId> boundWorkspace(Transactions transactions) {
    return ((InMemoryTransactions) transactions).boundWorkspace();
  }

  @Override
  protected boolean writersRunBesideSnapshots() {
    return false;
  }
}
