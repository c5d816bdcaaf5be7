package dev.custodian.crm.core.tenant;

import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;

class InMemoryWorkspaceRepositoryTest extends AbstractWorkspaceRepositoryContractTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryWorkspaceRepository repository = new InMemoryWorkspaceRepository(tx);

  @Override
  protected Transactions transactions() {
    return tx;
  }

  @Override
  protected WorkspaceRepository workspaces() {
    return repository;
  }
}
