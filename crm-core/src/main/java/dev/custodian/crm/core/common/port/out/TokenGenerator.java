package dev.custodian.crm.core.common.port.out;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Out-port: every secret token of the product (mail links today, later API keys and sessions): a
 * type prefix such as {@code vrf_}, then 32 random bytes, base64url without padding. Store a token
 * only as its {@link TokenHash}; never log it.
 */
@FunctionalInterface
public interface TokenGenerator {

  /** Random bytes in every token: 256 bits, beyond guessing. */
  int RANDOM_BYTES = 32;

  /** What a prefix looks like: a short lower-case type name and an underscore. */
  Pattern PREFIX = Pattern.compile("[a-z]{2,8}_");

  /**
   * A new token of the given type.
   *
   * @param prefix the token's type, matching {@link #PREFIX} (e.g. {@code vrf_})
   */
  String newToken(String prefix);

  /** Tokens from a {@link SecureRandom}, the default. */
  static TokenGenerator secureRandom() {
    SecureRandom random = new SecureRandom();
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    return prefix -> {
      requireValidPrefix(prefix);
      byte[] bytes = new byte[RANDOM_BYTES];
      random.nextBytes(bytes);
      return prefix + base64url.encodeToString(bytes);
    };
  }

  /**
   * What a token of this type looks like, as {@link #secureRandom()} makes it: the prefix, then
   * {@link #RANDOM_BYTES} in unpadded base64url. A text that does not match is no such token.
   */
  static Pattern format(String prefix) {
    int characters = (RANDOM_BYTES * 8 + 5) / 6; // unpadded base64: 6 bits a character, rounded up
    return Pattern.compile(Pattern.quote(requireValidPrefix(prefix)) + "[A-Za-z0-9_-]{" + characters + "}");
  }

  /** Refuses a prefix that does not match {@link #PREFIX}; a programming error, hence unchecked. */
  static String requireValidPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a token prefix is 2 to 8 lower-case letters and an underscore");
    }
    return prefix;
  }
}
