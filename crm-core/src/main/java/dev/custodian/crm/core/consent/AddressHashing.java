package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Value object: how a workspace's ledger hashes addresses, as HMAC-SHA256's two padded keys (the
 * workspace's key XOR {@code 0x36} and XOR {@code 0x5c}, 64 bytes each), so an adapter can hash
 * each contact's address inside its query ({@code sha256(outer || sha256(inner || message))}) and
 * list who the guard allows in one statement. As secret as the key: handed to a query as bind
 * values, never logged ({@link #toString()} is redacted).
 */
public final class AddressHashing {

  private static final int BLOCK = 64;

  private final byte[] inner;
  private final byte[] outer;

  private AddressHashing(byte[] inner, byte[] outer) {
    this.inner = inner;
    this.outer = outer;
  }

  /** From the workspace's key (at most 64 bytes, as the ledger's 32-byte keys are). */
  public static AddressHashing ofKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length == 0 || key.length > BLOCK) {
      throw new IllegalArgumentException("a key of 1 to 64 bytes");
    }
    byte[] inner = new byte[BLOCK];
    byte[] outer = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      byte k = i < key.length ? key[i] : 0;
      inner[i] = (byte) (k ^ 0x36);
      outer[i] = (byte) (k ^ 0x5c);
    }
    return new AddressHashing(inner, outer);
  }

  /** The message hashed for an address: {@code email:<normalised address>}. */
  public static String message(EmailAddress address) {
    return "email:" + address.normalised();
  }

  /** The address's hash, as the ledger stores it. */
  public AddressHash hash(EmailAddress address) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(inner);
      byte[] first = sha.digest(message(address).getBytes(StandardCharsets.UTF_8));
      sha.update(outer);
      return new AddressHash(HexFormat.of().formatHex(sha.digest(first)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  /** A copy of the inner padded key. */
  public byte[] innerPad() {
    return inner.clone();
  }

  /** A copy of the outer padded key. */
  public byte[] outerPad() {
    return outer.clone();
  }

  /** Overwrites both pads (when the caller is done). */
  public void destroy() {
    Arrays.fill(inner, (byte) 0);
    Arrays.fill(outer, (byte) 0);
  }

  @Override
  public String toString() {
    return "AddressHashing[redacted]";
  }
}
