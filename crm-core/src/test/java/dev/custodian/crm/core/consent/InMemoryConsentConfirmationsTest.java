package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryConsentConfirmationsTest extends AbstractConsentConfirmationsContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected ConsentConfirmations confirmations() {
    return new InMemoryConsentConfirmations(ports.transactions());
  }

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions(), new InMemoryCompanyRepository(ports.transactions()));
  }

  @Override
  protected PurposeRepository purposes() {
    return new InMemoryPurposeRepository(ports.transactions());
  }
}
