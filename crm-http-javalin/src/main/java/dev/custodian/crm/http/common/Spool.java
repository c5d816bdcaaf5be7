package dev.custodian.crm.http.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A response body written inside a use case's transaction and sent only once it committed (so a
 * failure still answers a problem, and a session token the request rotated reaches its cookie),
 * without holding it in memory: it goes to a temporary file, readable by this process's user only,
 * encrypted under a random key that lives only in this object, since the body holds personal data
 * (AES-CTR: the file is written and read back within one request, so confidentiality is what it
 * needs, and CTR streams both ways). The file is unlinked as soon as it is opened for sending, and
 * on {@link #close()} if it never was.
 */
public final class Spool implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final OutputStream out;
  private boolean sent;

  private Spool(Path file, SecretKeySpec key, IvParameterSpec iv, OutputStream out) {
    this.file = file;
    this.key = key;
    this.iv = iv;
    this.out = out;
  }

  /** A new, empty spool. */
  public static Spool create() {
    byte[] keyBytes = new byte[32];
    byte[] ivBytes = new byte[16];
    RANDOM.nextBytes(keyBytes);
    RANDOM.nextBytes(ivBytes);
    SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
    IvParameterSpec iv = new IvParameterSpec(ivBytes);
    Path file = null;
    try {
      file = temporaryFile();
      OutputStream out = new BufferedOutputStream(new CipherOutputStream(Files.newOutputStream(file),
          cipher(Cipher.ENCRYPT_MODE, key, iv)), 64 * 1024);
      return new Spool(file, key, iv, out);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException(e);
    }
  }

  /** Where the body is written, in clear; the spool encrypts it on its way to the file. */
  public OutputStream out() {
    return out;
  }

  /** The body as written, decrypted as it is read; the file is unlinked at once (the stream keeps it readable). */
  public InputStream sending() {
    try {
      out.close();
      InputStream in = new CipherInputStream(Files.newInputStream(file), cipher(Cipher.DECRYPT_MODE, key, iv));
      sent = true;
      Files.delete(file);
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the file unless it is being sent. */
  @Override
  public void close() {
    if (!sent) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the file goes anyway
      }
      deleteQuietly(file);
    }
  }

  private static Path temporaryFile() throws IOException {
    try {
      return Files.createTempFile("crm-spool-", ".bin",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createTempFile("crm-spool-", ".bin");
    }
  }

  private static Cipher cipher(int mode, SecretKeySpec key, IvParameterSpec iv) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(mode, key, iv);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR is part of every Java runtime", e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file of encrypted bytes whose key is gone with this object
      }
    }
  }
}
