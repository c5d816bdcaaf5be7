package dev.custodian.crm.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which entries of a chain a page holds: from and to (inclusive, exclusive) in time, an action, a
 * target; and where the page starts: below a sequence (newest first).
 */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<AuditAction> action,
    Optional<AuditTargetType> targetType, Optional<UUID> targetId) {

  public AuditFilter {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(targetType, "targetType");
    Objects.requireNonNull(targetId, "targetId");
  }

  public static AuditFilter all() {
    return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
