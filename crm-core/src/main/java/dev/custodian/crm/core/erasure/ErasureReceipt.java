package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Proof that a contact was erased at the person's request (GDPR Art. 17): which workspace, when,
 * the erased contact's id, and how many records each participant removed. It holds no name,
 * email or phone, so keeping it does not keep the person.
 *
 * @param removedByParticipant records removed, by participant name, in the order they ran
 */
public record ErasureReceipt(ErasureReceiptId id, WorkspaceId workspace, ContactId contactId,
    Instant erasedAt, Map<String, Integer> removedByParticipant) {

  public ErasureReceipt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contactId, "contactId");
    erasedAt = Timestamps.micros(Objects.requireNonNull(erasedAt, "erasedAt"));
    removedByParticipant = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(removedByParticipant));
  }
}
