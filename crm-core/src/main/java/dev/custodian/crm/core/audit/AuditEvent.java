package dev.custodian.crm.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a use case appends: who did what to which target, with what outcome and details, and the
 * actor's personal fields (empty for an anonymous or system actor). The log gives it its chain,
 * sequence and time.
 */
public record AuditEvent(AuditActor actor, AuditAction action, AuditTargetType targetType, Optional<UUID> targetId,
    AuditOutcome outcome, AuditDetails details, PersonalFields personal) {

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(targetType, "targetType");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(personal, "personal");
    if (personal.erased()) {
      throw new IllegalArgumentException("an event is appended with its values");
    }
    if (actor.account().isEmpty() && !personal.isEmpty()) {
      throw new IllegalArgumentException("an actor without an account has no personal fields: an anonymous entry holds no email and no IP");
    }
  }

  /** A succeeded action without personal fields (a workspace's administrator actions). */
  public static AuditEvent of(AuditActor actor, AuditAction action, AuditTargetType targetType, UUID targetId,
      AuditDetails details) {
    return new AuditEvent(actor, action, targetType, Optional.ofNullable(targetId), AuditOutcome.SUCCEEDED, details,
        PersonalFields.none());
  }

  /** The account whose subject key encrypts the personal fields: the account, or the key's creator. */
  public Optional<UUID> subject() {
    return actor.account();
  }
}
