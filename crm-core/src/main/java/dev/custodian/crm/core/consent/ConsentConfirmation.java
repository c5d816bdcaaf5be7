package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A pending double opt-in (CON-01): a contact asked to confirm a grant of a purpose under a notice
 * version, mailed a single-use link; its token is stored only as a hash, with the request.
 */
public record ConsentConfirmation(WorkspaceId workspace, UUID id, ContactId contact, PurposeKey purpose,
    String noticeVersion, Instant requestedAt) {

  public ConsentConfirmation {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(noticeVersion, "noticeVersion");
    requestedAt = Timestamps.micros(Objects.requireNonNull(requestedAt, "requestedAt"));
  }
}
