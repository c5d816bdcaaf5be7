package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryMembershipRepositoryTest extends AbstractMembershipRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected MembershipRepository memberships() {
    return new InMemoryMembershipRepository(ports.transactions(), ports.accounts());
  }
}
