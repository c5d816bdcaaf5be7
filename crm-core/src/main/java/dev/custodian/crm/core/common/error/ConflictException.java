package dev.custodian.crm.core.common.error;

/**
 * The request conflicts with the state of the data (HTTP 409); the kind says how and must be a
 * conflict kind ({@link Kind#isConflict()}).
 */
public final class ConflictException extends CrmException {

  public ConflictException(Kind kind, String message) {
    super(requireConflict(kind), message);
  }

  private static Kind requireConflict(Kind kind) {
    if (kind == null || !kind.isConflict()) {
      throw new IllegalArgumentException("not a conflict kind: " + kind);
    }
    return kind;
  }
}
