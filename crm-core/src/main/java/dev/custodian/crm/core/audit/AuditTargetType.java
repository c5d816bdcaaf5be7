package dev.custodian.crm.core.audit;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing an entry is about: a closed list. */
public enum AuditTargetType {
  WORKSPACE, ACCOUNT, SESSION, MEMBER, INVITATION, API_KEY, CONTACT, COMPANY, PIPELINE, STAGE, DEAL, AUDIT,
  CUSTOM_FIELD, PURPOSE, CONSENT, RETENTION_RUN, SUBJECT_PACKAGE;

  /** The stored and wire name, e.g. {@code api_key}; part of the canonical encoding. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AuditTargetType> fromLabel(String label) {
    for (AuditTargetType type : values()) {
      if (type.label().equals(label)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
