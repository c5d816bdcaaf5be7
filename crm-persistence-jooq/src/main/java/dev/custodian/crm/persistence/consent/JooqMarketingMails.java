package dev.custodian.crm.persistence.consent;

import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;
import static dev.custodian.crm.persistence.generated.Tables.MARKETING_MAILS;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.MarketingMail;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.port.out.MarketingMails;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.util.Optional;
import java.util.UUID;

/** Persistence adapter: {@link MarketingMails} on the {@code marketing_mails} table, and the contact's share lock. */
final class JooqMarketingMails implements MarketingMails {

  private final JooqTransactions transactions;

  JooqMarketingMails(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(MarketingMail mail) {
    transactions.dsl(mail.workspace()).insertInto(MARKETING_MAILS)
        .set(MARKETING_MAILS.TENANT_ID, mail.workspace().value())
        .set(MARKETING_MAILS.ID, mail.id())
        .set(MARKETING_MAILS.PURPOSE_KEY, mail.purpose().value())
        .set(MARKETING_MAILS.SUBJECT, mail.subject())
        .set(MARKETING_MAILS.BODY_TEXT, mail.text())
        .set(MARKETING_MAILS.POSTAL_ADDRESS, mail.postalAddress())
        .set(MARKETING_MAILS.CREATED_AT, SqlTime.utc(mail.createdAt()))
        .execute();
  }

  @Override
  public Optional<MarketingMail> find(WorkspaceId workspace, UUID id) {
    return transactions.dsl(workspace).selectFrom(MARKETING_MAILS)
        .where(MARKETING_MAILS.TENANT_ID.eq(workspace.value())).and(MARKETING_MAILS.ID.eq(id))
        .fetchOptional(r -> new MarketingMail(workspace, r.getId(), new PurposeKey(r.getPurposeKey()), r.getSubject(),
            r.getBodyText(), r.getPostalAddress(), r.getCreatedAt().toInstant()));
  }

  /** {@code FOR SHARE}: a consent recording's {@code FOR UPDATE} of the contact waits until this transaction ends. */
  @Override
  public Optional<EmailAddress> lockRecipient(WorkspaceId workspace, ContactId contact) {
    return transactions.dsl(workspace).select(CONTACTS.EMAIL).from(CONTACTS)
        .where(CONTACTS.TENANT_ID.eq(workspace.value())).and(CONTACTS.ID.eq(contact.value()))
        .forShare()
        .fetchOptional(r -> new EmailAddress(r.value1()));
  }
}
