package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.consent.ConfirmationToken;
import dev.custodian.crm.core.consent.ConsentConfirmation;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Mail resolver of {@link MailTemplate#CONSENT_CONFIRMATION}: in the workspace's transaction, reads
 * the pending confirmation and its contact's current address, mints the token (its hash stored
 * with the confirmation, replacing an older one) and renders the mail; nothing when the request
 * was used, has expired or its contact is gone.
 */
public final class ConsentConfirmationMail implements SubjectMailResolver {

  private final ConsentConfirmations confirmations;
  private final ContactRepository contacts;
  private final TokenGenerator tokens;
  private final Duration ttl;

  /**
   * @param ttl how long a mailed link works ({@code CRM_CONSENT_CONFIRMATION_TTL}), at most
   *     {@link MailTokenPurpose#CONSENT_CONFIRMATION}'s 7 days
   */
  public ConsentConfirmationMail(ConsentConfirmations confirmations, ContactRepository contacts, TokenGenerator tokens,
      Duration ttl) {
    this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl()) > 0) {
      throw new IllegalArgumentException("a consent confirmation lives more than zero and at most "
          + MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl());
    }
    this.ttl = ttl;
  }

  @Override
  public MailTemplate template() {
    return MailTemplate.CONSENT_CONFIRMATION;
  }

  @Override
  public Optional<OutgoingMail> resolve(WorkspaceId workspace, QueuedMail mail, URI publicUrl, Instant now) {
    Optional<ConsentConfirmation> pending = mail.about().flatMap(id -> confirmations.findUnused(workspace, id))
        .filter(c -> now.isBefore(c.requestedAt().plus(ttl)));
    Optional<Contact> contact = pending.flatMap(c -> contacts.findById(workspace, c.contact()));
    if (contact.isEmpty()) {
      return Optional.empty();
    }
    String token = ConfirmationToken.mint(workspace, tokens);
    if (!confirmations.mint(workspace, pending.get().id(), TokenHash.of(token), now.plus(ttl))) {
      return Optional.empty();
    }
    return Optional.of(template().render(contact.get().email(), publicUrl, Optional.of(token)));
  }

  @Override
  public void unsent(WorkspaceId workspace, QueuedMail mail, Instant now) {
    mail.about().ifPresent(id -> confirmations.voidToken(workspace, id));
  }
}
