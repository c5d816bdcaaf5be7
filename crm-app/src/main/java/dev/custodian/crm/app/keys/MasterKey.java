package dev.custodian.crm.app.keys;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The 32-byte master key as configuration holds it: {@link #bytes()} hands out copies, and
 * {@link #toString()} never shows it, so a configuration printed or logged cannot leak it.
 */
public final class MasterKey {

  /** Length of the master key in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private MasterKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A master key of exactly {@value #LENGTH} bytes (copied). */
  public static MasterKey of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a master key has exactly " + LENGTH + " bytes");
    }
    return new MasterKey(bytes.clone());
  }

  /**
   * Decodes base64 (the standard alphabet or the URL-safe one, padding optional) of exactly
   * {@value #LENGTH} bytes; empty for anything else. Never says why, so nothing echoes the text.
   */
  public static Optional<MasterKey> fromBase64(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    boolean standard = s.indexOf('+') >= 0 || s.indexOf('/') >= 0;
    boolean urlSafe = s.indexOf('-') >= 0 || s.indexOf('_') >= 0;
    if (standard && urlSafe) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // its message quotes the offending character
    }
    if (decoded.length != LENGTH) {
      Arrays.fill(decoded, (byte) 0);
      return Optional.empty();
    }
    return Optional.of(new MasterKey(decoded));
  }

  /** A fresh copy of the key; the caller may wipe it after use. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The key in standard base64 with padding, for the generated key file. */
  String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "MasterKey[redacted]";
  }
}
