package dev.custodian.crm.core.consent.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.MarketingMail;
import dev.custodian.crm.core.consent.ProcessingDecision;
import dev.custodian.crm.core.consent.PurposeBound;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.consent.port.out.UnsubscribeTokens;
import dev.custodian.crm.core.contact.ContactId;
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
 * Mail resolver of {@link MailTemplate#MARKETING} (CON-02): in the workspace's transaction, which
 * stays open until the mail server accepts the mail, share-locks the contact's row (an unsubscribe
 * waits for it, or this waits for the unsubscribe), then asks the guard again: refused, the row is
 * dropped; allowed, the mail carries the contact's unsubscribe link and headers.
 */
public final class MarketingMailResolver implements SubjectMailResolver, PurposeBound {

  private final MarketingMails mails;
  private final ProcessingGuard guard;
  private final UnsubscribeTokens tokens;

  MarketingMailResolver(MarketingMails mails, ProcessingGuard guard, UnsubscribeTokens tokens) {
    this.mails = Objects.requireNonNull(mails, "mails");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public MailTemplate template() {
    return MailTemplate.MARKETING;
  }

  @Override
  public boolean sendsInTransaction() {
    return true;
  }

  @Override
  public Optional<OutgoingMail> resolve(WorkspaceId workspace, QueuedMail queued, URI publicUrl, Instant now) {
    Optional<MarketingMail> found = queued.about().flatMap(id -> mails.find(workspace, id));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MarketingMail mail = found.get();
    ContactId contact = ContactId.of(queued.subject().orElseThrow());
    // The lock first, then the guard: it reads what any unsubscribe that got the lock first committed.
    Optional<EmailAddress> to = mails.lockRecipient(workspace, contact);
    if (to.isEmpty() || guard.decide(workspace, contact, mail.purpose()) instanceof ProcessingDecision.Refused) {
      return Optional.empty();
    }
    String token = tokens.mint(workspace, contact, mail.purpose());
    return Optional.of(MailTemplate.MARKETING.renderMarketing(to.get(), publicUrl, token, mail.subject(), mail.text(),
        mail.postalAddress()));
  }
}
