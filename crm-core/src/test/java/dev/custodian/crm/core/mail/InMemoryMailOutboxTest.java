package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.testing.InMemoryPorts;
import dev.custodian.crm.core.testing.PortFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryMailOutboxTest extends AbstractMailOutboxContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected MailOutbox mailOutbox(PortFixture fixture) {
    return new InMemoryMailOutbox(ports.transactions());
  }
}
