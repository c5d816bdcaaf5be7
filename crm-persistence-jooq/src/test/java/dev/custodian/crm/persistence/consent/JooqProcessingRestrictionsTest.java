package dev.custodian.crm.persistence.consent;

import dev.custodian.crm.core.consent.AbstractProcessingRestrictionsContractTest;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The restrictions contract through the application role: queries and row-level security together. */
class JooqProcessingRestrictionsTest extends AbstractProcessingRestrictionsContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ProcessingRestrictions restrictions() {
    return db.persistence().processingRestrictions();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }
}
