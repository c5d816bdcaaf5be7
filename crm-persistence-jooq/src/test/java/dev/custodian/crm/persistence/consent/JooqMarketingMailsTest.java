package dev.custodian.crm.persistence.consent;

import dev.custodian.crm.core.consent.AbstractMarketingMailsContractTest;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The marketing-mail contract through the application role: queries, share lock and row-level security together. */
class JooqMarketingMailsTest extends AbstractMarketingMailsContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected MarketingMails mails() {
    return db.persistence().marketingMails();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }

  @Override
  protected PurposeRepository purposes() {
    return db.persistence().purposes();
  }
}
