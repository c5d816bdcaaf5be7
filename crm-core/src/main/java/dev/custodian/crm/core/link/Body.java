package dev.custodian.crm.core.link;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.text.Normalizer;

/**
 * The free text of an activity or a task: 1 to {@link #MAX_LENGTH} characters (code points) after
 * trimming, line breaks and tabs allowed, other control characters and lone surrogates not. It may
 * name people: no erasure reads or rewrites it, and {@link #toString()} does not show it.
 */
public record Body(String value) {

  public static final int MAX_LENGTH = 20_000;

  public Body {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    value.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t') {
        throw new InvalidValueException("must not contain control characters other than line breaks and tabs");
      }
      if (Character.getType(cp) == Character.SURROGATE) {
        throw new InvalidValueException("must contain only assigned Unicode characters");
      }
    });
    value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    if (value.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return "Body[redacted]";
  }
}
