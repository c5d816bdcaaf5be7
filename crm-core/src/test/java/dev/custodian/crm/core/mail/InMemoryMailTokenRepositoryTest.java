package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import dev.custodian.crm.core.testing.PortFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryMailTokenRepositoryTest extends AbstractMailTokenRepositoryContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected MailTokenRepository mailTokens(PortFixture fixture) {
    return new InMemoryMailTokenRepository(ports.transactions());
  }
}
