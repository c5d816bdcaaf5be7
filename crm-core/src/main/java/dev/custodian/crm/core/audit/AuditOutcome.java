package dev.custodian.crm.core.audit;

import java.util.Locale;
import java.util.Optional;

/** How the recorded action ended. */
public enum AuditOutcome {
  SUCCEEDED, FAILED, REFUSED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AuditOutcome> fromLabel(String label) {
    for (AuditOutcome outcome : values()) {
      if (outcome.label().equals(label)) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }
}
