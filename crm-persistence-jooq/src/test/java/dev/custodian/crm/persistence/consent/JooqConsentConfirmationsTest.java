package dev.custodian.crm.persistence.consent;

import dev.custodian.crm.core.consent.AbstractConsentConfirmationsContractTest;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The confirmations contract through the application role: queries and row-level security together. */
class JooqConsentConfirmationsTest extends AbstractConsentConfirmationsContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ConsentConfirmations confirmations() {
    return db.persistence().consentConfirmations();
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
