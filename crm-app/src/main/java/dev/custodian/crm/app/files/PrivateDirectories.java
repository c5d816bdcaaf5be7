package dev.custodian.crm.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Directories under {@code CRM_DATA_DIR} that only the server's own OS user may enter (mode 0700). */
public final class PrivateDirectories {

  public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

  private PrivateDirectories() {}

  /** Whether group or others have any permission on {@code dir} (false on a non-POSIX file system). */
  public static boolean isOpenToOthers(Path dir) throws IOException {
    try {
      Set<PosixFilePermission> others = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
      others.removeAll(OWNER_ONLY);
      return !others.isEmpty();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** The mode of {@code dir} as {@code rwxr-xr-x}, for messages. */
  public static String mode(Path dir) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
  }

  /**
   * Creates {@code dir} (and missing parents) with mode 0700, or, when it exists, takes every
   * permission of group and others away from it.
   */
  public static Path createOrTighten(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    if (isOpenToOthers(dir)) {
      Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
    return dir;
  }
}
