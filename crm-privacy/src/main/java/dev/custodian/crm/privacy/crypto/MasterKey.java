package dev.custodian.crm.privacy.crypto;

import dev.custodian.crm.core.keys.port.out.KeyProvider;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The 32-byte master key held in memory, as a {@link KeyProvider}: {@link #masterKey()} hands out
 * copies, and {@link #toString()} never shows it, so a configuration printed or logged cannot
 * leak it. Where the key comes from (a secret store, an environment variable) is the caller's
 * business; {@link #fromBase64} reads the usual text form ({@code openssl rand -base64 32}).
 */
public final class MasterKey implements KeyProvider {

  /** Length of the master key in bytes. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private MasterKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A master key of exactly {@value #LENGTH} bytes, not all zero (copied).
   *
   * @throws IllegalArgumentException when the bytes are no usable key (never quoting them)
   */
  public static MasterKey of(byte[] bytes) {
    if (!isUsable(bytes)) {
      throw new IllegalArgumentException(
          "a master key has exactly " + LENGTH + " bytes and is not all zero");
    }
    return new MasterKey(bytes.clone());
  }

  /**
   * Decodes base64 (the standard alphabet or the URL-safe one, padding optional) of exactly
   * {@value #LENGTH} bytes, not all zero; empty for anything else. Never says why, so nothing
   * echoes the text.
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
    if (!isUsable(decoded)) {
      Arrays.fill(decoded, (byte) 0);
      return Optional.empty();
    }
    return Optional.of(new MasterKey(decoded));
  }

  /** True for {@value #LENGTH} bytes that are not all zero (an unset buffer is no key). */
  public static boolean isUsable(byte[] key) {
    if (key == null || key.length != LENGTH) {
      return false;
    }
    for (byte b : key) {
      if (b != 0) {
        return true;
      }
    }
    return false;
  }

  /** A fresh copy of the key on every call; the caller may wipe it after use. */
  @Override
  public byte[] masterKey() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "MasterKey[redacted]";
  }
}
