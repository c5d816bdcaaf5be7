package dev.custodian.crm.privacy.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce and associated data, for secrets the database keeps but
 * must not read (audit subject keys and the personal fields they encrypt; two-factor secrets).
 * The stored form is stored for good: {@code 0x01} (version), the 12-byte nonce, then the
 * ciphertext with its 16-byte tag. The associated data binds a ciphertext to where it belongs (a
 * subject, a chain and sequence and field): moved elsewhere it does not decrypt.
 */
public final class SecretCipher {

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /** A cipher under a 32-byte key (the caller may wipe its copy afterwards). */
  public SecretCipher(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KeyDerivation.KEY_BYTES) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** A new random 32-byte key. */
  public static byte[] newKey() {
    byte[] key = new byte[KeyDerivation.KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** Encrypts {@code plain}, bound to {@code associatedData}. */
  public byte[] encrypt(byte[] plain, byte[] associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * Decrypts what {@link #encrypt} made with the same key and associated data.
   *
   * @throws TamperedException when the key, the associated data or any byte differs
   */
  public byte[] decrypt(byte[] stored, byte[] associatedData) {
    if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
      throw new TamperedException();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES)));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new TamperedException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** A ciphertext that does not decrypt: another key, other associated data, or changed bytes. */
  public static final class TamperedException extends RuntimeException {
    TamperedException() {
      super("the ciphertext does not decrypt under this key and associated data");
    }
  }
}
