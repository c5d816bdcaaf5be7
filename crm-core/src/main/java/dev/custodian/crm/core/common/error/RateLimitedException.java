package dev.custodian.crm.core.common.error;

/**
 * Too many requests for one key in the current window (HTTP 429); {@link #retryAfterSeconds()}
 * says when the window ends. The message never names the key: it is personal data (an address, an
 * IP).
 */
public final class RateLimitedException extends CrmException {

  private final long retryAfterSeconds;

  /**
   * @param retryAfterSeconds whole seconds until a retry may succeed, at least 1
   */
  public RateLimitedException(long retryAfterSeconds) {
    super(Kind.RATE_LIMITED, "too many requests; try again in " + requirePositive(retryAfterSeconds) + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds until a retry may succeed (sent as {@code Retry-After}), at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long requirePositive(long seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("retry after must be at least 1 second");
    }
    return seconds;
  }
}
