package dev.custodian.crm.core.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who acted, as an entry names it: an account, an API key with its creator (whose subject key
 * encrypts the entry's personal fields), the system, or anonymous (an unknown email's sign-in).
 * Ids only: ids are not personal values in clear (an account's id says nothing once it is erased).
 */
public record AuditActor(Kind kind, Optional<UUID> account, Optional<UUID> apiKey) {

  /** The kinds of actor; their labels are part of the canonical encoding. */
  public enum Kind {
    ACCOUNT, API_KEY, SYSTEM, ANONYMOUS;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public AuditActor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(apiKey, "apiKey");
    boolean ok = switch (kind) {
      case ACCOUNT -> account.isPresent() && apiKey.isEmpty();
      case API_KEY -> account.isPresent() && apiKey.isPresent();
      case SYSTEM, ANONYMOUS -> account.isEmpty() && apiKey.isEmpty();
    };
    if (!ok) {
      throw new IllegalArgumentException("an actor of kind " + kind + " with the wrong ids");
    }
  }

  public static AuditActor account(UUID account) {
    return new AuditActor(Kind.ACCOUNT, Optional.of(account), Optional.empty());
  }

  public static AuditActor apiKey(UUID key, UUID creator) {
    return new AuditActor(Kind.API_KEY, Optional.of(creator), Optional.of(key));
  }

  public static AuditActor system() {
    return new AuditActor(Kind.SYSTEM, Optional.empty(), Optional.empty());
  }

  public static AuditActor anonymous() {
    return new AuditActor(Kind.ANONYMOUS, Optional.empty(), Optional.empty());
  }

  public static Optional<Kind> kindOf(String label) {
    for (Kind kind : Kind.values()) {
      if (kind.label().equals(label)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
