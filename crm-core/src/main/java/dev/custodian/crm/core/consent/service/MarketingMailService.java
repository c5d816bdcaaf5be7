package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.AddressHashing;
import dev.custodian.crm.core.consent.ConsentEventKind;
import dev.custodian.crm.core.consent.ConsentProof;
import dev.custodian.crm.core.consent.ConsentSource;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.consent.MarketingMail;
import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.consent.PurposeBound;
import dev.custodian.crm.core.consent.port.in.MarketingUseCases;
import dev.custodian.crm.core.consent.port.in.QueueMarketingMailCommand;
import dev.custodian.crm.core.consent.port.in.RecordConsentCommand;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.consent.port.out.EligibleContacts;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.PurposeRepository;
import dev.custodian.crm.core.consent.port.out.UnsubscribeTokens;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: marketing mail (CON-02). Stores the mail's texts once and queues a
 * {@link MailTemplate#MARKETING} outbox row per contact the purpose allows now, as
 * {@link EligibleContacts} pages them (the guard's answer in one statement a page); each row names
 * the mail, the workspace and the contact, never an address. The guard is asked again per contact
 * when the mail goes out ({@link MarketingMailResolver}).
 */
public final class MarketingMailService implements MarketingUseCases, PurposeBound {

  /** The throttle's scope of defective unsubscribe tokens, per client address. */
  static final String THROTTLE_SCOPE = "unsubscribe";
  private static final int PAGE = PageRequest.MAX_LIMIT;
  private static final String ANONYMOUS = "anonymous";

  private final WorkspaceTransactions transactions;
  private final PurposeRepository purposes;
  private final EligibleContacts eligible;
  private final ConsentAddressHasher hasher;
  private final MarketingMails mails;
  private final MailOutbox outbox;
  private final ProcessingGuard guard;
  private final Transactions plain;
  private final ContactRepository contacts;
  private final UnsubscribeTokens tokens;
  private final ConsentLedgerService ledger;
  private final Throttle throttle;
  private final IdGenerator ids;
  private final Clock clock;

  MarketingMailService(WorkspaceTransactions transactions, PurposeRepository purposes, EligibleContacts eligible,
      ConsentAddressHasher hasher, MarketingMails mails, MailOutbox outbox, ProcessingGuard guard,
      Transactions plain, ContactRepository contacts, UnsubscribeTokens tokens, ConsentLedgerService ledger,
      Throttle throttle, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.purposes = Objects.requireNonNull(purposes, "purposes");
    this.eligible = Objects.requireNonNull(eligible, "eligible");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.mails = Objects.requireNonNull(mails, "mails");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.plain = Objects.requireNonNull(plain, "plain");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int queue(Actor actor, QueueMarketingMailCommand command) {
    WorkspaceId workspace = command.workspace();
    return transactions.inWorkspace(workspace, actor, Permission.MARKETING_SEND, () -> {
      Instant now = Timestamps.now(clock);
      Purpose purpose = purposes.find(workspace, command.purpose()).orElseThrow(() -> new ValidationException(
          List.of(FieldError.field("purpose", "is not a purpose of this workspace"))));
      if (purpose.isRetired()) {
        throw new ConflictException(CrmException.Kind.INVALID_STATE, "the purpose is retired");
      }
      if (purpose.basis() != LegalBasis.CONSENT && !purpose.objectable()) {
        // its unsubscribe link could record neither a withdrawal nor an objection
        throw new ConflictException(CrmException.Kind.INVALID_STATE,
            "a marketing mail's purpose is one a person can withdraw from or object to");
      }
      MarketingMail mail = new MarketingMail(workspace, ids.newId(), purpose.key(), command.subject(), command.text(),
          command.postalAddress(), now);
      mails.add(mail);
      int count = 0;
      AddressHashing hashing = hasher.hashing(workspace);
      try {
        Optional<ListQuery> query = Optional.of(ListQuery.first(ContactListing.OFFER, PAGE));
        while (query.isPresent()) {
          Page<Contact> page = eligible.page(workspace, purpose.key(), hashing, query.get());
          for (Contact contact : page.items()) {
            outbox.enqueueToSubject(MailTemplate.MARKETING, workspace.value(), contact.id().value(),
                Optional.of(mail.id()), now);
            count++;
          }
          query = query.get().next(page);
        }
      } finally {
        hashing.destroy();
      }
      transactions.audit(workspace, actor, AuditAction.MARKETING_QUEUED, AuditTargetType.PURPOSE,
          purpose.key().auditId(), AuditDetails.none().withCount(AuditDetails.Key.COUNT, count));
      return count;
    });
  }

  @Override
  public void unsubscribe(String token, ConsentProof edge, String clientIp) {
    Objects.requireNonNull(edge, "edge");
    resolveToken(token, clientIp, true, edge);
  }

  @Override
  public void checkUnsubscribe(String token, String clientIp) {
    resolveToken(token, clientIp, false, null);
  }

  /**
   * Reads and verifies the token in its workspace's transaction, recording the refusal when asked;
   * a defect is counted for the client's address after that transaction, then answered as one 404.
   */
  private void resolveToken(String token, String clientIp, boolean record, ConsentProof edge) {
    Optional<UnsubscribeTokens.Named> named = token == null ? Optional.empty() : tokens.read(token);
    boolean valid = named.isPresent() && plain.inWorkspace(named.get().workspace(), () -> {
      WorkspaceId workspace = named.get().workspace();
      Optional<Purpose> purpose = purposes.list(workspace).stream()
          .filter(p -> p.key().auditId().equals(named.get().purposeId())).findFirst();
      if (purpose.isEmpty() || !tokens.verify(token, purpose.get().key())) {
        return false;
      }
      ContactId contact = named.get().contact();
      if (record && contacts.findById(workspace, contact).isPresent()) {
        Instant now = Timestamps.now(clock);
        ConsentEventKind kind = purpose.get().basis() == LegalBasis.CONSENT
            ? ConsentEventKind.WITHDRAWN : ConsentEventKind.OBJECTED;
        ConsentProof proof = new ConsentProof(Optional.empty(), Optional.empty(), Optional.empty(), edge.ipPrefix(),
            edge.userAgent(), edge.requestId());
        ledger.append(workspace, Actor.ANONYMOUS, new RecordConsentCommand(workspace, contact, purpose.get().key(),
            kind, ConsentSource.EMAIL_LINK, Optional.of(now), proof), ANONYMOUS);
      }
      return true; // a contact that is gone answers as a success: nothing more will reach it
    });
    if (!valid) {
      throttle.check(ThrottleKey.clientIp(THROTTLE_SCOPE, clientIp)); // 429 past the limit of defects
      throw new NotFoundException("unsubscribe link");
    }
  }
}
