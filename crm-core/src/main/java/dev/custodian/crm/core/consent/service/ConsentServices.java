package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import java.time.Clock;

/** Factory: the consent use cases over their out-ports, the guard, and the initializer of a new workspace's purposes. */
public final class ConsentServices {

  private ConsentServices() {}

  public static ProcessingGuard guard(PurposeRepository purposes, ConsentLedger ledger,
      ProcessingRestrictions restrictions, ContactRepository contacts, ConsentAddressHasher hasher) {
    return new ProcessingGuard(purposes, ledger, restrictions, contacts, hasher);
  }

  public static ConsentUseCases create(WorkspaceTransactions transactions, PurposeRepository purposes,
      ConsentLedger ledger, ProcessingRestrictions restrictions, ContactRepository contacts,
      ConsentAddressHasher hasher, IdGenerator ids, Clock clock) {
    return create(transactions, purposes, ledger, restrictions, contacts,
        ContactConsentReader.composed(contacts, purposes, ledger, restrictions),
        ConsentRecorder.composed(contacts, purposes, ledger),
        EligibleContacts.composed(contacts, purposes, ledger, restrictions), hasher, ids, clock);
  }

  /**
   * @param reader a contact's consent at once (an adapter's one-statement read)
   * @param recorder a recording's locked read and conditional append (an adapter's statement each)
   * @param eligible the contacts a purpose allows, a page at once (an adapter's one statement)
   */
  public static ConsentUseCases create(WorkspaceTransactions transactions, PurposeRepository purposes,
      ConsentLedger ledger, ProcessingRestrictions restrictions, ContactRepository contacts,
      ContactConsentReader reader, ConsentRecorder recorder, EligibleContacts eligible, ConsentAddressHasher hasher,
      IdGenerator ids, Clock clock) {
    ProcessingGuard guard = guard(purposes, ledger, restrictions, contacts, hasher);
    return new ConsentUseCases(
        new PurposeService(transactions, purposes, clock),
        new ConsentLedgerService(transactions, purposes, ledger, contacts, hasher, guard, reader, recorder,
            eligible, ids, clock),
        new RestrictionService(transactions, restrictions, contacts, clock));
  }

  /** What every new workspace starts with: the default purposes (see {@link DefaultPurposesInitializer}). */
  public static WorkspaceInitializer defaultPurposes(PurposeRepository purposes, Clock clock) {
    return new DefaultPurposesInitializer(purposes, clock);
  }
}
