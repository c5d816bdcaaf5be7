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
