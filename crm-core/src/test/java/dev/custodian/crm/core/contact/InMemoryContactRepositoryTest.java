package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenant.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;

class InMemoryContactRepositoryTest extends AbstractContactRepositoryContractTest {

  private final InMemoryTransactions transactions = new InMemoryTransactions();
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(transactions);
  private final InMemoryContactRepository contacts = new InMemoryContactRepository(transactions);

  @Override
  protected Transactions transactions() {
    return transactions;
  }

  @Override
  protected WorkspaceRepository workspaces() {
    return workspaces;
  }

  @Override
  protected ContactRepository contacts() {
    return contacts;
  }
}
