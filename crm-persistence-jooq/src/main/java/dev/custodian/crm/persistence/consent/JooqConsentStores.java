package dev.custodian.crm.persistence.consent;

import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the consent feature's entry: its stores over the adapter's {@link JooqTransactions}. */
public final class JooqConsentStores {

  private JooqConsentStores() {}

  public static PurposeRepository purposes(JooqTransactions transactions) {
    return new JooqPurposeRepository(transactions);
  }

  public static ConsentLedger ledger(JooqTransactions transactions) {
    return new JooqConsentLedger(transactions);
  }

  /** A contact's consent (purposes, entries, restriction) in one statement. */
  public static ContactConsentReader contactConsent(JooqTransactions transactions) {
    return new JooqContactConsentReader(transactions);
  }

  /** A consent recording's locked read and conditional append, a statement each. */
  public static ConsentRecorder recorder(JooqTransactions transactions) {
    return new JooqConsentRecorder(transactions);
  }

  /** The contacts a purpose allows, a page of the contact list in one statement. */
  public static EligibleContacts eligibleContacts(JooqTransactions transactions) {
    return new JooqEligibleContacts(transactions);
  }

  /** Pending double opt-ins. */
  public static ConsentConfirmations confirmations(JooqTransactions transactions) {
    return new JooqConsentConfirmations(transactions);
  }

  /** Queued marketing mails' texts, and the share lock of a contact one goes to. */
  public static MarketingMails marketingMails(JooqTransactions transactions) {
    return new JooqMarketingMails(transactions);
  }

  public static ProcessingRestrictions restrictions(JooqTransactions transactions) {
    return new JooqProcessingRestrictions(transactions);
  }
}
