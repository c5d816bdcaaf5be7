package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryMarketingMailsTest extends AbstractMarketingMailsContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  /** One repository, shared by the contract and the fake, which reads (and "locks") the contact through it. */
  private ContactRepository contactRepository;

  @Override
  protected MarketingMails mails() {
    return new InMemoryMarketingMails(ports.transactions(), contacts());
  }

  @Override
  protected ContactRepository contacts() {
    if (contactRepository == null) {
      contactRepository = new InMemoryContactRepository(ports.transactions(),
          new InMemoryCompanyRepository(ports.transactions()));
    }
    return contactRepository;
  }

  @Override
  protected PurposeRepository purposes() {
    return new InMemoryPurposeRepository(ports.transactions());
  }
}
