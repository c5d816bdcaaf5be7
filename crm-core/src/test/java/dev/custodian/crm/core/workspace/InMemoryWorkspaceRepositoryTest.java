package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryWorkspaceRepositoryTest extends AbstractWorkspaceRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();
}
