package dev.custodian.crm.core.company;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A company's internet domain, kept as one form so that uniqueness compares like with like: the
 * lower-case ASCII host name (an internationalised name in its {@code xn--} form, by
 * {@link IDN#toASCII}) without a leading {@code www.}. Given as a host ({@code Example.com}) or a
 * URL ({@code https://www.example.com/about}): the scheme, a port, the path, query and fragment
 * are dropped. A host name has at least two labels, each 1 to 63 letters, digits and hyphens, not
 * starting or ending with a hyphen (RFC 1123), 253 characters in all; an IP address, a name
 * without a dot and a URL with user information are refused.
 *
 * <p>A domain may name a person (a sole trader's own), so {@link #toString()} does not show it.
 */
public record CompanyDomain(String value) {

  public static final int MAX_LENGTH = 253;
  /** Longer input is no host or URL anyone types; refused before any parsing. */
  private static final int MAX_INPUT_LENGTH = 2048;
  private static final String INVALID = "must be a domain name such as example.com, or a URL with one";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  public CompanyDomain {
    value = hostOf(value);
  }

  private static String hostOf(String given) {
    if (given == null) {
      throw new InvalidValueException("is required");
    }
    String text = given.strip();
    if (text.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    if (text.length() > MAX_INPUT_LENGTH) {
      throw new InvalidValueException(INVALID);
    }
    Matcher scheme = SCHEME.matcher(text);
    if (scheme.lookingAt()) {
      text = text.substring(scheme.end());
    }
    String authority = text.substring(0, endOfAuthority(text));
    if (authority.indexOf('@') >= 0) {
      throw new InvalidValueException(INVALID); // user information: not a company's address
    }
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      if (!PORT.matcher(authority.substring(colon + 1)).matches()) {
        throw new InvalidValueException(INVALID);
      }
      authority = authority.substring(0, colon);
    }
    String host;
    try {
      host = IDN.toASCII(authority, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notAHostName) {
      throw new InvalidValueException(INVALID);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1); // the root's dot of a fully qualified name
    }
    if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
      host = host.substring(4);
    }
    requireHostName(host);
    return host;
  }

  /** Where the authority of a URL (or the host given alone) ends: at its path, query or fragment. */
  private static int endOfAuthority(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return i;
      }
    }
    return text.length();
  }

  private static void requireHostName(String host) {
    if (host.length() > MAX_LENGTH) {
      throw new InvalidValueException(INVALID);
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      throw new InvalidValueException(INVALID);
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidValueException(INVALID);
      }
    }
    if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
      throw new InvalidValueException(INVALID); // an IPv4 address, or a top-level name no registry gives out
    }
  }

  @Override
  public String toString() {
    return "CompanyDomain[redacted]";
  }
}
