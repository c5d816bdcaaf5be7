package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Proof that a contact was erased at the person's request (GDPR Art. 17): which workspace, when,
 * the erased contact's id, and how many records each participant removed. It holds no name,
 * email or phone, so keeping it does not keep the person.
 *
 * @param removedByParticipant records removed, by participant name, in the order they ran
 * @param forReview records kept whose free text (a subject, body or title) may still name the
 *     person: automation stops there, a person checks them by hand
 */
public record ErasureReceipt(ErasureReceiptId id, WorkspaceId workspace, ContactId contactId,
    Instant erasedAt, Map<String, Integer> removedByParticipant, List<ReviewItem> forReview) {

  /** A kept record to check by hand: the participant that kept it and the record's id. */
  public record ReviewItem(String participant, UUID recordId) {
    public ReviewItem {
      Objects.requireNonNull(participant, "participant");
      Objects.requireNonNull(recordId, "recordId");
    }
  }

  /** A receipt with nothing for review. */
  public ErasureReceipt(ErasureReceiptId id, WorkspaceId workspace, ContactId contactId, Instant erasedAt,
      Map<String, Integer> removedByParticipant) {
    this(id, workspace, contactId, erasedAt, removedByParticipant, List.of());
  }

  public ErasureReceipt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contactId, "contactId");
    erasedAt = Timestamps.micros(Objects.requireNonNull(erasedAt, "erasedAt"));
    removedByParticipant = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(removedByParticipant));
    forReview = List.copyOf(forReview);
  }
}
