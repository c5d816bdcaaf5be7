package dev.custodian.crm.core.common.error;

/**
 * The caller is known but may not do what it asked (HTTP 403); the kind says why and must be a
 * forbidden kind ({@link Kind#isForbidden()}). The message says what is missing, never whose data
 * it would have reached.
 */
public final class ForbiddenException extends CrmException {

  /** Of kind {@link Kind#FORBIDDEN}: a permission is missing. */
  public ForbiddenException(String message) {
    this(Kind.FORBIDDEN, message);
  }

  public ForbiddenException(Kind kind, String message) {
    super(requireForbidden(kind), message);
  }

  private static Kind requireForbidden(Kind kind) {
    if (kind == null || !kind.isForbidden()) {
      throw new IllegalArgumentException("not a forbidden kind: " + kind);
    }
    return kind;
  }
}
