package dev.custodian.crm.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a chain, as read back: its place (chain and sequence, from 1 without a gap), its
 * time in microseconds, and what its event said; personal fields decrypted, or erased once the
 * subject was forgotten.
 */
public record AuditEntry(AuditChain chain, long sequence, Instant at, AuditActor actor, AuditAction action,
    AuditTargetType targetType, Optional<UUID> targetId, AuditOutcome outcome, AuditDetails details,
    PersonalFields personal) {

  public AuditEntry {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(targetType, "targetType");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(personal, "personal");
    if (sequence < 1) {
      throw new IllegalArgumentException("a sequence starts at 1");
    }
  }
}
