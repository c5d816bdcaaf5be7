package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.MarketingMail;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the marketing mails a workspace queued (their subject, text and postal address; the
 * outbox rows name them). Tenant-owned; joins the caller's open transaction.
 */
public interface MarketingMails {

  void add(MarketingMail mail);

  Optional<MarketingMail> find(WorkspaceId workspace, UUID id);

  /**
   * Share-locks the contact's row until the transaction ends, so a consent recording for it (which
   * locks it for update) waits until a mail now going out was accepted, and answers its address;
   * empty when the workspace has no such contact.
   */
  Optional<EmailAddress> lockRecipient(WorkspaceId workspace, ContactId contact);
}
