package dev.custodian.crm.persistence.contact;

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
