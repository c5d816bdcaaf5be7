package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryInvitationRepositoryTest extends AbstractInvitationRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected InvitationRepository invitations() {
    return new InMemoryInvitationRepository(ports.transactions());
  }
}
