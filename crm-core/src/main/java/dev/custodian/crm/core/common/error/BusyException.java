package dev.custodian.crm.core.common.error;

/**
 * A bounded resource of the server (such as the password hasher's slots) stayed taken for longer
 * than a caller may wait (HTTP 503): nothing was done, and trying again after
 * {@link #retryAfterSeconds()} may succeed.
 */
public final class BusyException extends CrmException {

  private final int retryAfterSeconds;

  public BusyException(String message, int retryAfterSeconds) {
    super(Kind.BUSY, message);
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
    }
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds the caller should wait before trying again (sent as {@code Retry-After}). */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
