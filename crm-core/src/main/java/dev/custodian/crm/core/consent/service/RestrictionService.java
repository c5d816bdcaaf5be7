package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.consent.port.in.ConsentUseCases;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: restricts a contact's processing (Art. 18, DSR-07) and lifts it, mailing the person as it
 * ends; the guard refuses every purpose meanwhile.
 */
public final class RestrictionService implements ConsentUseCases.Restrictions {

  private final WorkspaceTransactions transactions;
  private final ProcessingRestrictions restrictions;
  private final ContactRepository contacts;
  private final MailOutbox outbox;
  private final Clock clock;

  /** @param outbox where a lift's notice to the person is queued, in the lift's transaction */
  public RestrictionService(WorkspaceTransactions transactions, ProcessingRestrictions restrictions,
      ContactRepository contacts, MailOutbox outbox, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.restrictions = Objects.requireNonNull(restrictions, "restrictions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Instant restrict(Actor actor, WorkspaceId workspace, ContactId contact) {
    return transactions.inWorkspace(workspace, actor, Permission.RESTRICTION_SET, () -> {
      requireContact(workspace, contact);
      if (restrictions.restrict(workspace, contact, Timestamps.now(clock))) {
        transactions.audit(workspace, actor, AuditAction.RESTRICTION_SET, AuditTargetType.CONTACT, contact.value(),
            AuditDetails.none());
      }
      return restrictions.restrictedSince(workspace, contact).orElseThrow();
    });
  }

  @Override
  public void lift(Actor actor, WorkspaceId workspace, ContactId contact) {
    transactions.inWorkspace(workspace, actor, Permission.CONSENT_MANAGE, () -> {
      requireContact(workspace, contact);
      boolean lifted = restrictions.lift(workspace, contact);
      if (lifted) {
        // The person is told as the restriction ends (Art. 18(3)): queued with the lift, or neither happens.
        outbox.enqueueToSubject(MailTemplate.PRIVACY_RESTRICTION_LIFTED, workspace.value(), contact.value(),
            Optional.empty(), Timestamps.now(clock));
        transactions.audit(workspace, actor, AuditAction.RESTRICTION_LIFTED, AuditTargetType.CONTACT, contact.value(),
            AuditDetails.none());
      }
      return lifted;
    });
  }

  @Override
  public Optional<Instant> restrictedSince(Actor actor, WorkspaceId workspace, ContactId contact) {
    return transactions.inWorkspace(workspace, actor, Permission.CONSENT_READ, () -> {
      requireContact(workspace, contact);
      return restrictions.restrictedSince(workspace, contact);
    });
  }

  private void requireContact(WorkspaceId workspace, ContactId contact) {
    if (contacts.findById(workspace, contact).isEmpty()) {
      throw new NotFoundException("contact");
    }
  }
}
