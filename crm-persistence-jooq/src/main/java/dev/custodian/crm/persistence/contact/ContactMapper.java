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
import dev.custodian.crm.persistence.common.Columns;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ContactsRecord;
import java.util.Optional;

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

  /** A contact from its row's {@code contacts} columns (a record of the table, or of a select naming them). */
  static Contact toContact(Columns row) {
    return Contact.reconstitute(
        WorkspaceId.of(row.get(CONTACTS.TENANT_ID)),
        ContactId.of(row.get(CONTACTS.ID)),
        new PersonName(row.get(CONTACTS.FIRST_NAME)),
        new PersonName(row.get(CONTACTS.LAST_NAME)),
        new EmailAddress(row.get(CONTACTS.EMAIL)),
        Optional.ofNullable(row.get(CONTACTS.PHONE)).map(PhoneNumber::new),
        Optional.ofNullable(row.get(CONTACTS.JOB_TITLE)).map(JobTitle::new),
        Optional.ofNullable(row.get(CONTACTS.COMPANY_ID)).map(CompanyId::of),
        row.get(CONTACTS.CREATED_AT).toInstant(),
        row.get(CONTACTS.UPDATED_AT).toInstant(),
        row.get(CONTACTS.VERSION));
  }

}
