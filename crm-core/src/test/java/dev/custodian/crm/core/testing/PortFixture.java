package dev.custodian.crm.core.testing;

import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;

/**
 * What every port contract needs besides the port under test: the adapter's transactions and a
 * workspace store to create the workspaces that tenant-owned rows belong to. A JUnit extension
 * (the in-memory {@link InMemoryPorts}, the jOOQ adapter's {@code TestDatabase}, yours) provides
 * it as a parameter, so a contract subclass only supplies its port.
 */
public interface PortFixture {

  Transactions transactions();

  WorkspaceRepository workspaces();
}
