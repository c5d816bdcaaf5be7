package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Ledger entry, append-only: one thing a person said about one purpose, with the purpose's basis
 * at the time, where it came from, when it happened and was recorded, its proof and who recorded
 * it ({@code actor}: {@code account:<uuid>}, {@code api-key:<uuid>}, {@code anonymous} or
 * {@code system}). It names the person only by {@link SubjectRef} and {@link AddressHash}, so it
 * outlives the contact's erasure (CON-04) without naming anyone.
 */
public record ConsentEvent(WorkspaceId workspace, UUID id, SubjectRef subject, AddressHash address,
    PurposeKey purpose, LegalBasis basis, ConsentEventKind kind, ConsentSource source, Instant occurredAt,
    Instant recordedAt, ConsentProof proof, String actor) {

  public ConsentEvent {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    occurredAt = Timestamps.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
    recordedAt = Timestamps.micros(Objects.requireNonNull(recordedAt, "recordedAt"));
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(actor, "actor");
    if (kind == ConsentEventKind.GRANTED && proof.noticeVersion().isEmpty()) {
      throw new IllegalArgumentException("a grant names the notice version the person saw");
    }
  }
}
