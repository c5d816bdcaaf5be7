package dev.custodian.crm.app.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Secret files under {@code CRM_DATA_DIR} (the master key, the roles' passwords). */
public final class PrivateFiles {

  public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private PrivateFiles() {}

  /**
   * Creates {@code file} with mode 0600 and the given content, unless it exists: the content goes
   * into a temporary file created 0600 beside it, which is then hard-linked into place, so the
   * file appears whole or not at all and a file another process created first is never replaced.
   *
   * @return false when the file existed already (nothing was written)
   */
  public static boolean createOnce(Path file, Content content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try {
        Files.createLink(file, temp); // atomic, and never replaces
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | IOException e) {
        if (Files.exists(file)) {
          return false;
        }
        moveIntoPlace(temp, file); // no hard links on this file system
      }
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Replaces {@code file} (or creates it) with mode 0600 and the given content: written into a
   * temporary file created 0600 beside it, then moved over it, so readers see the old content or
   * the new one, never a part.
   */
  public static void replace(Path file, Content content) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      // rename(2) replaces the target atomically on POSIX file systems
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void moveIntoPlace(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file);
    }
  }
}
