package dev.custodian.crm.core.common.error;

/**
 * A conditional write could not proceed: the version the client saw is stale (HTTP 412), or the
 * client gave no version where one is required (HTTP 428).
 */
public final class PreconditionFailedException extends CrmException {

  private PreconditionFailedException(Kind kind, String message) {
    super(kind, message);
  }

  /** The expected version no longer matches: someone else changed the resource first. */
  public static PreconditionFailedException stale(String resource) {
    return new PreconditionFailedException(Kind.PRECONDITION_FAILED, resource + " was changed by someone else");
  }

  /** The write needs the version the client last saw, and none was given. */
  public static PreconditionFailedException missing(String resource) {
    return new PreconditionFailedException(
        Kind.PRECONDITION_REQUIRED, "changing a " + resource + " needs the version last seen");
  }

  /** True when no precondition was given at all (HTTP 428 rather than 412). */
  public boolean isMissing() {
    return kind() == Kind.PRECONDITION_REQUIRED;
  }
}
