package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A password as chosen or typed, under the length policy of NIST SP 800-63B-4: 15 to 128 code
 * points after Unicode normalisation NFKC (so one password typed on two keyboards is one
 * password), every character allowed, no composition rules. Whether it is on a common-password
 * list is the {@code CommonPasswords} port's to say, since the list is data the core does not hold.
 *
 * <p>It holds its characters in an array that {@link #wipe()} overwrites, so a caller can drop
 * them as soon as they are hashed or verified. Never shown by {@link #toString()}, never equal to
 * another instance (comparing passwords is the hasher's job), and its exceptions never quote it.
 */
public final class Password {

  public static final int MIN_LENGTH = 15;
  public static final int MAX_LENGTH = 128;

  /**
   * More UTF-16 units than any input of {@link #MAX_LENGTH} code points after NFKC can have
   * (canonical composition joins at most a few code points into one), checked before normalising
   * so an oversized input costs nothing.
   */
  private static final int MAX_INPUT_UNITS = MAX_LENGTH * 8;

  private final char[] chars;
  private boolean wiped;

  /**
   * The password, normalised to NFKC.
   *
   * @throws InvalidValueException naming the rule it breaks (never the value)
   */
  public Password(CharSequence value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    if (value.length() > MAX_INPUT_UNITS) {
      throw new InvalidValueException(lengthRule());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean paired = Character.isHighSurrogate(c)
          ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(++i))
          : !Character.isLowSurrogate(c);
      if (!paired) {
        // A lone surrogate has no UTF-8 form: two such passwords would hash alike.
        throw new InvalidValueException("must contain only Unicode characters");
      }
    }
    String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC);
    int codePoints = normalised.codePointCount(0, normalised.length());
    if (codePoints < MIN_LENGTH || codePoints > MAX_LENGTH) {
      throw new InvalidValueException(lengthRule());
    }
    this.chars = normalised.toCharArray();
  }

  private static String lengthRule() {
    return "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
  }

  /**
   * Hands a copy of the characters to {@code work} and wipes the copy when it returns, so an
   * adapter (a hasher, a list check) never keeps them.
   *
   * @throws IllegalStateException after {@link #wipe()}
   */
  public <T> T apply(Function<char[], T> work) {
    Objects.requireNonNull(work, "work");
    char[] copy = chars();
    try {
      return work.apply(copy);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /** The number of code points, after NFKC. */
  public synchronized int length() {
    requireNotWiped();
    return Character.codePointCount(CharBuffer.wrap(chars), 0, chars.length);
  }

  /** Overwrites the characters; the password cannot be used afterwards. */
  public synchronized void wipe() {
    Arrays.fill(chars, '\0');
    wiped = true;
  }

  private synchronized char[] chars() {
    requireNotWiped();
    return chars.clone();
  }

  private synchronized void requireNotWiped() {
    if (wiped) {
      throw new IllegalStateException("the password was wiped");
    }
  }

  @Override
  public String toString() {
    return "Password[redacted]";
  }
}
