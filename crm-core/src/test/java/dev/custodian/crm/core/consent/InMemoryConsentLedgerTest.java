package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.testing.InMemoryPorts;
import org.junit.jupiter.api.extension.RegisterExtension;

class InMemoryConsentLedgerTest extends AbstractConsentLedgerContractTest {

  @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();

  @Override
  protected ConsentLedger ledger() {
    return new InMemoryConsentLedger(ports.transactions());
  }

  @Override
  protected ContactConsentReader contactConsent() {
    return ContactConsentReader.composed(contacts, purposes, ledger,
        new InMemoryProcessingRestrictions(ports.transactions()));
  }

  @Override
  protected ProcessingRestrictions restrictions() {
    return new InMemoryProcessingRestrictions(ports.transactions());
  }

  @Override
  protected PurposeRepository purposes() {
    return new InMemoryPurposeRepository(ports.transactions());
  }

  @Override
  protected ContactRepository contacts() {
    return new InMemoryContactRepository(ports.transactions(), new InMemoryCompanyRepository(ports.transactions()));
  }
}
