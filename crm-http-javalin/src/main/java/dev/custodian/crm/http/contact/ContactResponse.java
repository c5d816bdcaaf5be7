package dev.custodian.crm.http.contact;

import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.PhoneNumber;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact as the API shows it.
 *
 * @param phone left out of the JSON when the contact has none
 * @param version the version that {@code ETag} and {@code If-Match} carry
 */
record ContactResponse(UUID id, UUID workspaceId, String firstName, String lastName, String email,
    String phone, Instant createdAt, Instant updatedAt, long version) {

  static ContactResponse from(Contact contact) {
    return new ContactResponse(
        contact.id().value(),
        contact.workspace().value(),
        contact.firstName().value(),
        contact.lastName().value(),
        contact.email().value(),
        contact.phone().map(PhoneNumber::value).orElse(null),
        contact.createdAt(),
        contact.updatedAt(),
        contact.version());
  }
}
