package dev.custodian.crm.core.session;

import dev.custodian.crm.core.common.port.out.TokenGenerator;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How long sessions live and how often their tokens rotate. The defaults are also the maxima: a
 * promised bound (ACC-06: 30 days; ACC-07: a token replaced after 15 minutes) may be shortened by
 * configuration, never lengthened.
 *
 * @param maxAge how long a session lasts from sign-in, whatever its activity
 * @param rotateAfter how old a token may get before its next request replaces it
 */
public record SessionPolicy(Duration maxAge, Duration rotateAfter) {

  public static final Duration MAX_AGE = Duration.ofDays(30);
  public static final Duration MAX_ROTATE_AFTER = Duration.ofMinutes(15);
  /** How long a replaced token still works, for requests that raced its rotation; it mints nothing. */
  public static final Duration GRACE = Duration.ofSeconds(30);
  /** The token type of a session: {@code ses_} and 32 random bytes. */
  public static final String TOKEN_PREFIX = "ses_";

  private static final Pattern TOKEN = TokenGenerator.format(TOKEN_PREFIX);

  public SessionPolicy {
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(rotateAfter, "rotateAfter");
    if (maxAge.compareTo(Duration.ofMinutes(1)) < 0 || maxAge.compareTo(MAX_AGE) > 0) {
      throw new IllegalArgumentException("a session's maximum age is from PT1M to " + MAX_AGE);
    }
    if (rotateAfter.compareTo(Duration.ofSeconds(1)) < 0 || rotateAfter.compareTo(MAX_ROTATE_AFTER) > 0) {
      throw new IllegalArgumentException("a token's rotation age is from PT1S to " + MAX_ROTATE_AFTER);
    }
  }

  /** Whether {@code token} looks like a session token; anything else is not looked up, nor even hashed. */
  public static boolean isWellFormed(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  /** 30 days, rotation after 15 minutes. */
  public static SessionPolicy defaults() {
    return new SessionPolicy(MAX_AGE, MAX_ROTATE_AFTER);
  }
}
