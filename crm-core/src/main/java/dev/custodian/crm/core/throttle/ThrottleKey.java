package dev.custodian.crm.core.throttle;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one throttle count is kept for: a scope (the group of requests that share a limit, e.g.
 * {@code auth}), a kind ({@code email}, {@code ip}) and a normalised value. The value is personal
 * data: it only ever leaves as a keyed hash, and {@link #toString()} leaves it out.
 *
 * @param scope lower-case letters, digits and {@code -}; no {@code :}, so the hashed layout
 *     {@code <kind>:<scope>:<value>} stays unambiguous
 * @param kind lower-case letters, digits and {@code -}, e.g. {@link #EMAIL} or {@link #IP}
 * @param normalisedValue already normalised by the caller (e.g. an address's trimmed lower-case
 *     form), so that equal values count together
 */
public record ThrottleKey(String scope, String kind, String normalisedValue) {

  /** The kind of a key on an email address (account or not). */
  public static final String EMAIL = "email";

  /** The kind of a key on a client IP (IPv4 as is, IPv6 by its /64 prefix). */
  public static final String IP = "ip";

  private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

  public ThrottleKey {
    requireLabel(scope, "scope");
    requireLabel(kind, "kind");
    Objects.requireNonNull(normalisedValue, "normalisedValue");
    if (normalisedValue.isEmpty()) {
      throw new IllegalArgumentException("a throttle key needs a value");
    }
  }

  /** The key of an email address, given in its normalised form. */
  public static ThrottleKey email(String scope, String normalisedEmail) {
    return new ThrottleKey(scope, EMAIL, normalisedEmail);
  }

  /**
   * The key of a client IP: an IPv4 address as is, an IPv6 address by its /64 prefix (one
   * subscriber usually holds a whole /64, so counting single IPv6 addresses would not limit
   * anyone). An IPv4-mapped IPv6 address counts as its IPv4 address. No name is ever looked up.
   */
  public static ThrottleKey clientIp(String scope, InetAddress address) {
    Objects.requireNonNull(address, "address");
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return new ThrottleKey(scope, IP, address.getHostAddress());
    }
    if (isIpv4Mapped(bytes)) {
      return new ThrottleKey(scope, IP, (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "."
          + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff));
    }
    String prefix = group(bytes, 0) + ":" + group(bytes, 2) + ":" + group(bytes, 4) + ":" + group(bytes, 6) + "::/64";
    return new ThrottleKey(scope, IP, prefix);
  }

  /**
   * The key of a client IP given as a literal (e.g. a socket's remote address as text); see
   * {@link #clientIp(String, InetAddress)}. Only literals are accepted, so no name is ever looked up.
   *
   * @throws IllegalArgumentException when {@code literal} is not an IPv4 or IPv6 address literal
   */
  public static ThrottleKey clientIp(String scope, String literal) {
    return clientIp(scope, parseLiteral(literal));
  }

  /** Leaves the value out: it is personal data. */
  @Override
  public String toString() {
    return "ThrottleKey[scope=" + scope + ", kind=" + kind + ", value=(redacted)]";
  }

  private static InetAddress parseLiteral(String literal) {
    Objects.requireNonNull(literal, "literal");
    String text = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
    try {
      var v4 = IPV4.matcher(text);
      if (v4.matches()) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(v4.group(i + 1));
          if (part > 255) {
            throw new IllegalArgumentException("not an IP address literal");
          }
          bytes[i] = (byte) part;
        }
        return InetAddress.getByAddress(bytes);
      }
      int zone = text.indexOf('%'); // a zone (interface) says nothing about the client
      String address = zone < 0 ? text : text.substring(0, zone);
      if (address.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(address).matches()) {
        // In brackets, getByName parses an IPv6 literal or fails; it never asks a name server.
        return InetAddress.getByName("[" + address + "]");
      }
    } catch (UnknownHostException e) {
      // falls through: the message must not quote the text
    }
    throw new IllegalArgumentException("not an IP address literal");
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    if (bytes.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static String group(byte[] bytes, int offset) {
    return Integer.toHexString(((bytes[offset] & 0xff) << 8) | (bytes[offset + 1] & 0xff));
  }

  private static void requireLabel(String label, String name) {
    Objects.requireNonNull(label, name);
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("a throttle " + name + " is 1 to 32 lower-case letters, digits or '-'");
    }
  }
}
