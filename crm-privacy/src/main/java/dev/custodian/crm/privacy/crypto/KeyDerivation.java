package dev.custodian.crm.privacy.crypto;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Derives per-workspace, per-purpose keys from the master key with HKDF-SHA256 (RFC 5869). The
 * format is stored for good (hashes made with these keys live in the database): salt = UTF-8
 * {@code custodian-crm/v1}, info = UTF-8 {@code <purpose>:<workspace uuid>}, 32 bytes out.
 */
public final class KeyDerivation {

  public static final int KEY_BYTES = 32;
  private static final byte[] SALT = "custodian-crm/v1".getBytes(StandardCharsets.UTF_8);

  private KeyDerivation() {}

  /** The key of one purpose (e.g. {@code suppression}) in one workspace. */
  public static byte[] workspaceKey(byte[] masterKey, String purpose, WorkspaceId workspace) {
    return derive(masterKey, purpose + ":" + workspace.value());
  }

  /** The key of one purpose for platform-level data (e.g. accounts). */
  public static byte[] platformKey(byte[] masterKey, String purpose) {
    return derive(masterKey, purpose + ":platform");
  }

  private static byte[] derive(byte[] masterKey, String info) {
    Objects.requireNonNull(masterKey, "masterKey");
    if (masterKey.length != KEY_BYTES) {
      throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes");
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(masterKey, SALT, info.getBytes(StandardCharsets.UTF_8)));
    byte[] key = new byte[KEY_BYTES];
    hkdf.generateBytes(key, 0, KEY_BYTES);
    return key;
  }
}
