package dev.custodian.crm.core.common.port.out;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a secret token is stored: the SHA-256 of the whole token (prefix included), in lower-case
 * hex. A plain hash suffices because a token carries 256 random bits, so nothing can be guessed
 * from a dump; a lookup by hash also takes the same time whatever the token.
 */
public final class TokenHash {

  /** Length of a hash in characters: 32 bytes as hex. */
  public static final int LENGTH = 64;

  private TokenHash() {}

  /** The stored form of {@code token}. */
  public static String of(String token) {
    Objects.requireNonNull(token, "token");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
