package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolver of the notice that a contact's restriction of processing was lifted (DSR-07, Art.
 * 18(3)): reads the contact's address in the workspace's transaction when the mail is sent; a
 * contact gone meanwhile is mailed nothing (its erasure also drops the queued row).
 */
final class RestrictionLiftedMail implements SubjectMailResolver {

  private final ContactRepository contacts;

  RestrictionLiftedMail(ContactRepository contacts) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public MailTemplate template() {
    return MailTemplate.PRIVACY_RESTRICTION_LIFTED;
  }

  @Override
  public Optional<OutgoingMail> resolve(WorkspaceId workspace, QueuedMail mail, URI publicUrl, Instant now) {
    return contacts.findById(workspace, ContactId.of(mail.subject().orElseThrow()))
        .map(contact -> template().render(contact.email(), publicUrl, Optional.empty()));
  }
}
