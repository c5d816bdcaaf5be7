package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A workspace's unique, URL-safe handle: lower-case letters, digits and single dashes between
 * them, 3 to 63 characters (a DNS label, so it can become a sub-domain).
 */
public record Slug(String value) {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 63;
  private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public Slug {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
      throw new InvalidValueException(
          "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
    }
    if (!FORMAT.matcher(value).matches()) {
      throw new InvalidValueException(
          "must be lower-case letters, digits and single dashes, starting and ending with a letter or digit");
    }
  }

  /**
   * The slug a name suggests: accents dropped, lower case, every other run of characters a dash,
   * cut to leave room for a suffix. May be too short to be a slug (then it needs a suffix).
   */
  public static String baseFrom(WorkspaceName name, int roomForSuffix) {
    String ascii = Normalizer.normalize(name.value(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String dashed = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String cut = dashed.length() > MAX_LENGTH - roomForSuffix
        ? dashed.substring(0, MAX_LENGTH - roomForSuffix)
        : dashed;
    return cut.replaceAll("^-+|-+$", "");
  }
}
