package dev.custodian.crm.core.common.error;

import java.util.Objects;

/** The request conflicts with the state of the data (HTTP 409); the kind says how. */
public final class ConflictException extends CrmException {

  /** Why the request conflicts. Each kind is its own problem type over HTTP. */
  public enum Kind {
    /** A value that must be unique is already taken. */
    DUPLICATE,
    /** An identifier was erased at the person's request and is on the suppression list. */
    SUPPRESSED
  }

  private final Kind kind;

  public ConflictException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
