package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.in.MarketingUseCases;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.consent.port.out.ConsentRecorder;
import dev.custodian.crm.core.consent.port.out.ContactConsentReader;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.consent.port.out.UnsubscribeTokens;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Factory: the consent use cases over their out-ports, the guard, and the initializer of a new workspace's purposes. */
public final class ConsentServices {

  private ConsentServices() {}

  public static ProcessingGuard guard(PurposeRepository purposes, ConsentLedger ledger,
      ProcessingRestrictions restrictions, ContactRepository contacts, ConsentAddressHasher hasher) {
    return new ProcessingGuard(purposes, ledger, restrictions, contacts, hasher);
  }

  /**
   * What double opt-in needs beside the ledger: plain transactions (the person's confirmation has
   * no account to let in), the pending confirmations, the outbox, the workspaces' status and the
   * throttle of failed confirmations.
   */
  public record OptInPorts(Transactions transactions, ConsentConfirmations confirmations, MailOutbox outbox,
      WorkspaceRepository workspaces, Throttle throttle) {

    public OptInPorts {
      Objects.requireNonNull(transactions, "transactions");
      Objects.requireNonNull(confirmations, "confirmations");
      Objects.requireNonNull(outbox, "outbox");
      Objects.requireNonNull(workspaces, "workspaces");
      Objects.requireNonNull(throttle, "throttle");
    }
  }

  public static ConsentUseCases create(WorkspaceTransactions transactions, PurposeRepository purposes,
      ConsentLedger ledger, ProcessingRestrictions restrictions, ContactRepository contacts,
      ConsentAddressHasher hasher, OptInPorts optIns, IdGenerator ids, Clock clock) {
    return create(transactions, purposes, ledger, restrictions, contacts,
        ContactConsentReader.composed(contacts, purposes, ledger, restrictions),
        ConsentRecorder.composed(contacts, purposes, ledger),
        EligibleContacts.composed(contacts, purposes, ledger, restrictions), hasher, optIns, ids, clock);
  }

  /**
   * @param reader a contact's consent at once (an adapter's one-statement read)
   * @param recorder a recording's locked read and conditional append (an adapter's statement each)
   * @param eligible the contacts a purpose allows, a page at once (an adapter's one statement)
   */
  public static ConsentUseCases create(WorkspaceTransactions transactions, PurposeRepository purposes,
      ConsentLedger ledger, ProcessingRestrictions restrictions, ContactRepository contacts,
      ContactConsentReader reader, ConsentRecorder recorder, EligibleContacts eligible, ConsentAddressHasher hasher,
      OptInPorts optIns, IdGenerator ids, Clock clock) {
    ProcessingGuard guard = guard(purposes, ledger, restrictions, contacts, hasher);
    ConsentLedgerService ledgerService = new ConsentLedgerService(transactions, purposes, ledger, contacts, hasher,
        guard, reader, recorder, eligible, ids, clock);
    return useCases(transactions, purposes, restrictions, contacts, recorder, ledgerService, optIns, ids, clock);
  }

  private static ConsentUseCases useCases(WorkspaceTransactions transactions, PurposeRepository purposes,
      ProcessingRestrictions restrictions, ContactRepository contacts, ConsentRecorder recorder,
      ConsentLedgerService ledgerService, OptInPorts optIns, IdGenerator ids, Clock clock) {
    return new ConsentUseCases(
        new PurposeService(transactions, purposes, clock),
        ledgerService,
        new RestrictionService(transactions, restrictions, contacts, optIns.outbox(), clock),
        new ConsentOptInService(transactions, optIns.transactions(), purposes, contacts, optIns.confirmations(),
            recorder, ledgerService, optIns.outbox(), optIns.workspaces(), optIns.throttle(), ids, clock));
  }

  /**
   * The whole consent feature over one guard and one ledger service: the guard every processing
   * asks (the marketing mail's dispatch included), the consent use cases, and marketing mail with
   * its one-click unsubscribe.
   */
  public record Consent(ProcessingGuard guard, ConsentUseCases useCases, MarketingUseCases marketing) {

    public Consent {
      Objects.requireNonNull(guard, "guard");
      Objects.requireNonNull(useCases, "useCases");
      Objects.requireNonNull(marketing, "marketing");
    }
  }

  /**
   * The mail of double opt-in, for the dispatcher: renders a queued confirmation in its
   * workspace's transaction, minting a token that works for {@code ttl} (at most 7 days).
   */
  public static SubjectMailResolver confirmationMail(ConsentConfirmations confirmations, ContactRepository contacts,
      TokenGenerator tokens, Duration ttl) {
    return new ConsentConfirmationMail(confirmations, contacts, tokens, ttl);
  }

  /**
   * The consent use cases, as {@link #create}, and marketing mail with its one-click unsubscribe
   * (CON-02), sharing one guard and one ledger service: the same ports, plus the marketing mails'
   * store and the unsubscribe links' tokens. The person's unsubscribe uses plain transactions and
   * {@code optIns}' throttle (defective links, per client address).
   */
  public static Consent withMarketing(WorkspaceTransactions transactions, PurposeRepository purposes,
      ConsentLedger ledger, ProcessingRestrictions restrictions, ContactRepository contacts,
      ContactConsentReader reader, ConsentRecorder recorder, EligibleContacts eligible, ConsentAddressHasher hasher,
      OptInPorts optIns, MarketingMails mails, UnsubscribeTokens tokens, IdGenerator ids, Clock clock) {
    ProcessingGuard guard = guard(purposes, ledger, restrictions, contacts, hasher);
    ConsentLedgerService ledgerService = new ConsentLedgerService(transactions, purposes, ledger, contacts, hasher,
        guard, reader, recorder, eligible, ids, clock);
    MarketingUseCases marketing = new MarketingMailService(transactions, purposes, eligible, hasher, mails,
        optIns.outbox(), guard, optIns.transactions(), contacts, tokens, ledgerService, optIns.throttle(), ids, clock);
    return new Consent(guard,
        useCases(transactions, purposes, restrictions, contacts, recorder, ledgerService, optIns, ids, clock),
        marketing);
  }

  /** The notice that a contact's restriction of processing was lifted, for the dispatcher: its address read when sent. */
  public static SubjectMailResolver restrictionLiftedMail(ContactRepository contacts) {
    return new RestrictionLiftedMail(contacts);
  }

  /**
   * The marketing mail, for the dispatcher: in its workspace's transaction, held until the mail
   * server accepts it, locks the contact's row and asks the guard again.
   */
  public static SubjectMailResolver marketingMail(MarketingMails mails, ProcessingGuard guard,
      UnsubscribeTokens tokens) {
    return new MarketingMailResolver(mails, guard, tokens);
  }

  /** What every new workspace starts with: the default purposes (see {@link DefaultPurposesInitializer}). */
  public static WorkspaceInitializer defaultPurposes(PurposeRepository purposes, Clock clock) {
    return new DefaultPurposesInitializer(purposes, clock);
  }
}
