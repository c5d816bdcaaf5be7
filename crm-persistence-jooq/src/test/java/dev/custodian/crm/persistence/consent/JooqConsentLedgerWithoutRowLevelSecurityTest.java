package dev.custodian.crm.persistence.consent;

import dev.custodian.crm.core.consent.AbstractConsentLedgerContractTest;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TEN-01, the first wall on its own: the ledger contract through a role that BYPASSES row-level security. */
@DisplayName("TEN-01: ledger queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqConsentLedgerWithoutRowLevelSecurityTest extends AbstractConsentLedgerContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected ConsentLedger ledger() {
    return db.persistence().consentLedger();
  }

  @Override
  protected ContactConsentReader contactConsent() {
    return db.persistence().contactConsent();
  }

  @Override
  protected ConsentRecorder recorder() {
    return db.persistence().consentRecorder();
  }

  @Override
  protected ProcessingRestrictions restrictions() {
    return db.persistence().processingRestrictions();
  }

  @Override
  protected EligibleContacts eligibleContacts() {
    return db.persistence().eligibleContacts();
  }

  @Override
  protected PurposeRepository purposes() {
    return db.persistence().purposes();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }
}
