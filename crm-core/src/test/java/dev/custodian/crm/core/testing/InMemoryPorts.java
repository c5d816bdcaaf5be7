package dev.custodian.crm.core.testing;

import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.account.InMemoryAccountRepository;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;

/**
 * The in-memory {@link PortFixture}, as a JUnit extension. Register it on an instance field
 * ({@code @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();}) so every test gets
 * empty stores, and build the fake under test on {@link #transactions()}.
 */
public final class InMemoryPorts implements PortFixture.Extension {

  private final InMemoryPersistence persistence = new InMemoryPersistence();

  @Override
  public InMemoryTransactions transactions() {
    return persistence.transactions();
  }

  @Override
  public InMemoryWorkspaceRepository workspaces() {
    return persistence.workspaces();
  }

  @Override
  public InMemoryAccountRepository accounts() {
    return persistence.accounts();
  }

  @Override
  public InMemoryMembershipRepository memberships() {
    return persistence.memberships();
  }
}
