package dev.custodian.crm.http.contact;

import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.http.common.CustomJson;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A contact as the API shows it.
 *
 * @param phone left out of the JSON when the contact has none, as are {@code jobTitle} and {@code companyId}
 * @param companyId the company of the workspace the person works for
 * @param custom its custom field values by key, sensitive ones too (see {@link CustomJson}); {@code {}} for none
 * @param version the version that {@code ETag} and {@code If-Match} carry
 */
record ContactResponse(UUID id, UUID workspaceId, String firstName, String lastName, String email,
    String phone, String jobTitle, UUID companyId, Map<String, Object> custom, Instant createdAt, Instant updatedAt,
    long version) {

  static ContactResponse from(Contact contact) {
    return new ContactResponse(
        contact.id().value(),
        contact.workspace().value(),
        contact.firstName().value(),
        contact.lastName().value(),
        contact.email().value(),
        contact.phone().map(PhoneNumber::value).orElse(null),
        contact.jobTitle().map(JobTitle::value).orElse(null),
        contact.company().map(CompanyId::value).orElse(null),
        CustomJson.of(contact.custom()),
        contact.createdAt(),
        contact.updatedAt(),
        contact.version());
  }
}
