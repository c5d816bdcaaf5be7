package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory fake of {@link MarketingMails}: its fake transactions take turns, so a transaction that
 * read the recipient holds off every other one (a consent recording, an erasure) until it ends, as
 * the share lock does; a gone contact, or one of another workspace, has no recipient.
 */
public final class InMemoryMarketingMails implements MarketingMails {

  private final InMemoryTenantTable<UUID, MarketingMail> table;
  private final ContactRepository contacts;

  public InMemoryMarketingMails(InMemoryTransactions transactions, ContactRepository contacts) {
    this.table = InMemoryTenantTable.builder(transactions, MarketingMail::workspace, MarketingMail::id).build();
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public void add(MarketingMail mail) {
    table.insert(mail);
  }

  @Override
  public Optional<MarketingMail> find(WorkspaceId workspace, UUID id) {
    return table.find(workspace, id);
  }

  @Override
  public Optional<EmailAddress> lockRecipient(WorkspaceId workspace, ContactId contact) {
    return contacts.findByIdForUpdate(workspace, contact).map(Contact::email);
  }
}
