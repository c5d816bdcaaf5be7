package dev.custodian.crm.persistence.contact;

import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ContactsRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;

/** Maps contacts to and from their table rows. */
final class ContactMapper {

  private ContactMapper() {}

  static ContactsRecord toRecord(Contact contact) {
    ContactsRecord row = new ContactsRecord();
    row.setTenantId(contact.workspace().value());
    row.setId(contact.id().value());
    row.setFirstName(contact.firstName().value());
    row.setLastName(contact.lastName().value());
    row.setLastNameSort(TextOrder.key(contact.lastName().value()));
    row.setEmail(contact.email().value());
    row.setEmailNormalised(contact.email().normalised());
    row.setPhone(contact.phone().map(PhoneNumber::value).orElse(null));
    row.setJobTitle(contact.jobTitle().map(JobTitle::value).orElse(null));
    row.setCompanyId(contact.company().map(CompanyId::value).orElse(null));
    row.setCreatedAt(SqlTime.utc(contact.createdAt()));
    row.setUpdatedAt(SqlTime.utc(contact.updatedAt()));
    row.setVersion(contact.version());
    return row;
  }

  private static final int TENANT_ID = CONTACTS.indexOf(CONTACTS.TENANT_ID);
  private static final int ID = CONTACTS.indexOf(CONTACTS.ID);
  private static final int FIRST_NAME = CONTACTS.indexOf(CONTACTS.FIRST_NAME);
  private static final int LAST_NAME = CONTACTS.indexOf(CONTACTS.LAST_NAME);
  private static final int EMAIL = CONTACTS.indexOf(CONTACTS.EMAIL);
  private static final int PHONE = CONTACTS.indexOf(CONTACTS.PHONE);
  private static final int JOB_TITLE = CONTACTS.indexOf(CONTACTS.JOB_TITLE);
  private static final int COMPANY_ID = CONTACTS.indexOf(CONTACTS.COMPANY_ID);
  private static final int CREATED_AT = CONTACTS.indexOf(CONTACTS.CREATED_AT);
  private static final int UPDATED_AT = CONTACTS.indexOf(CONTACTS.UPDATED_AT);
  private static final int VERSION = CONTACTS.indexOf(CONTACTS.VERSION);

  /**
   * The contact of a row whose selection starts with all of {@code contacts}' columns in the
   * table's order ({@code select(CONTACTS.fields())...}): read by index, without copying the row
   * into a {@link ContactsRecord} (an export reads a whole list this way).
   */
  static Contact toContactByIndex(Record row) {
    return Contact.reconstitute(
        WorkspaceId.of((UUID) row.get(TENANT_ID)),
        ContactId.of((UUID) row.get(ID)),
        new PersonName((String) row.get(FIRST_NAME)),
        new PersonName((String) row.get(LAST_NAME)),
        new EmailAddress((String) row.get(EMAIL)),
        Optional.ofNullable((String) row.get(PHONE)).map(PhoneNumber::new),
        Optional.ofNullable((String) row.get(JOB_TITLE)).map(JobTitle::new),
        Optional.ofNullable((UUID) row.get(COMPANY_ID)).map(CompanyId::of),
        ((OffsetDateTime) row.get(CREATED_AT)).toInstant(),
        ((OffsetDateTime) row.get(UPDATED_AT)).toInstant(),
        (Long) row.get(VERSION));
  }

  static Contact toContact(ContactsRecord row) {
    return Contact.reconstitute(
        WorkspaceId.of(row.getTenantId()),
        ContactId.of(row.getId()),
        new PersonName(row.getFirstName()),
        new PersonName(row.getLastName()),
        new EmailAddress(row.getEmail()),
        Optional.ofNullable(row.getPhone()).map(PhoneNumber::new),
        Optional.ofNullable(row.getJobTitle()).map(JobTitle::new),
        Optional.ofNullable(row.getCompanyId()).map(CompanyId::of),
        row.getCreatedAt().toInstant(),
        row.getUpdatedAt().toInstant(),
        row.getVersion());
  }
}
