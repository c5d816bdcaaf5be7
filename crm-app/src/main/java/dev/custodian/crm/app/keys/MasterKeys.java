package dev.custodian.crm.app.keys;

import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.files.PrivateFiles;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.privacy.crypto.MasterKey;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from, and the check that it is the one the database was set up with.
 *
 * <ul>
 *   <li>{@code CRM_MASTER_KEY} set: that key.
 *   <li>Not set, embedded default: {@code CRM_DATA_DIR/master.key}, generated on first start
 *       (SecureRandom, created with mode 0600, appearing whole or not at all).
 *   <li>Not set, external database: refused, since production keeps the key in a secret store.
 * </ul>
 */
public final class MasterKeys {

  /** The generated development key's file name under {@code CRM_DATA_DIR}. */
  public static final String FILE = "master.key";

  private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

  private MasterKeys() {}

  /**
   * The master key the server runs with, by the rule above.
   *
   * @throws StartupException with one line when there is none or its file is unusable
   */
  public static MasterKey load(AppConfig config) {
    if (config.masterKey().isPresent()) {
      return config.masterKey().get();
    }
    if (!config.embedded()) {
      throw new StartupException(AppConfig.MASTER_KEY + " is not set: with an external database ("
          + AppConfig.DATABASE_URL + ") the master key must come from a secret store"
          + " (base64 of 32 bytes, e.g. from `openssl rand -base64 32`)");
    }
    return fromFile(config.dataDir().resolve(FILE));
  }

  /**
   * Runs {@code start}, which builds the library and so checks the master key against the
   * database (storing its check value on first start), and turns a refusal into one line.
   *
   * @throws StartupException when the key is no key, is not the database's, or cannot be checked;
   *     anything else {@code start} throws passes unchanged
   */
  public static <T> T verified(Supplier<T> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      Throwable cause = rootOfWiring(e);
      if (cause instanceof MasterKeyCheck.MismatchException) {
        throw mismatch();
      }
      if (cause instanceof MasterKeyCheck.InvalidKeyException) {
        throw new StartupException(AppConfig.MASTER_KEY + " is not usable: it must be base64 of 32"
            + " bytes that are not all zero");
      }
      if (cause instanceof MasterKeyCheck.UncheckedKeyException unchecked) {
        throw new StartupException(unchecked.getMessage());
      }
      throw e;
    }
  }

  /** Guice wraps what a provider throws; the first cause that is not Guice's own is the reason. */
  private static Throwable rootOfWiring(Throwable e) {
    Throwable t = e;
    while ((t instanceof com.google.inject.CreationException
        || t instanceof com.google.inject.ProvisionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof com.google.inject.CreationException creation && !creation.getErrorMessages().isEmpty()) {
      Throwable first = creation.getErrorMessages().iterator().next().getCause();
      return first == null ? t : rootOfWiring(first);
    }
    return t;
  }

  private static StartupException mismatch() {
    return new StartupException(AppConfig.MASTER_KEY + " does not match the master key this database"
        + " was set up with; refusing to start (suppression entries written under the other key"
        + " would no longer match)");
  }

  /** Reads the development key file, or generates it when it does not exist. */
  static MasterKey fromFile(Path file) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      MasterKey generated = generate(file);
      log.info("Generated a master key into {} (mode 0600) for this development setup; in production"
          + " set {} from a secret store, kept apart from database backups", file, AppConfig.MASTER_KEY);
      return generated;
    } catch (IOException e) {
      throw new StartupException("cannot read or create the master key file " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static MasterKey read(Path file) throws IOException {
    if (Files.size(file) > 1024) {
      throw corrupt(file);
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    Optional<MasterKey> key = MasterKey.fromBase64(text);
    warnIfReadableByOthers(file);
    return key.orElseThrow(() -> corrupt(file));
  }

  private static StartupException corrupt(Path file) {
    return new StartupException("the master key file " + file + " is not base64 of 32 bytes;"
        + " restore it, or set " + AppConfig.MASTER_KEY + " to the key this database was set up with");
  }

  private static void warnIfReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!PrivateFiles.OWNER_ONLY.containsAll(permissions)) {
        log.warn("The master key file {} is accessible to other users ({}); make it mode 0600", file,
            PosixFilePermissions.toString(permissions));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: nothing to say
    }
  }

  /**
   * Writes 32 random bytes, base64, into a temporary file created with mode 0600 beside the
   * target, then links it into place: the file appears whole or not at all, and a key that another
   * start wrote first is never replaced (it is read instead).
   */
  private static MasterKey generate(Path file) throws IOException {
    Path dir = file.getParent();
    if (!Files.exists(dir)) { // private by default: it holds the key, passwords and data
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    }
    byte[] bytes = new byte[MasterKey.LENGTH];
    new SecureRandom().nextBytes(bytes);
    MasterKey key = MasterKey.of(bytes);
    byte[] text = (Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(bytes, (byte) 0);
    boolean created = PrivateFiles.createOnce(file, out -> out.write(text));
    Arrays.fill(text, (byte) 0);
    return created ? key : read(file); // another start won the race: use its key
  }
}
