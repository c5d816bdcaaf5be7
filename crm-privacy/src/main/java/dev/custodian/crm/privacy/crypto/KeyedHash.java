package dev.custodian.crm.privacy.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 as lower-case hex. Format, stored for good: the message is UTF-8
 * {@code <kind>:<normalised value>} (kind {@code email}, {@code phone}, ...).
 */
public final class KeyedHash {

  private KeyedHash() {}

  public static String of(byte[] key, String kind, String normalisedValue) {
    return hmacHex(key, kind + ":" + normalisedValue);
  }

  /**
   * A hasher under one key for many values, giving what {@link #of} gives: the MAC is looked up and
   * keyed once, not per value (an import batch hashes 2,000 identifiers). Not thread-safe.
   */
  public static Hasher under(byte[] key) {
    return new Hasher(key);
  }

  /** {@link #of} under one key, the MAC set up once. */
  public static final class Hasher {
    private final Mac mac;

    private Hasher(byte[] key) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
      }
    }

    public String of(String kind, String normalisedValue) {
      return HEX.formatHex(mac.doFinal((kind + ":" + normalisedValue).getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static final HexFormat HEX = HexFormat.of();

  static String hmacHex(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }
}
