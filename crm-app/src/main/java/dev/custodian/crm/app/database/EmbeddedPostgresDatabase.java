package dev.custodian.crm.app.database;

import dev.custodian.crm.app.files.PrivateFiles;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a PostgreSQL 17 (zonky) whose data, binaries, lock files, Unix socket
 * and log all live under {@code CRM_DATA_DIR}, so they survive restarts and a root run never
 * shares files with a regular user's run. On every start it (re)creates the two roles with the
 * passwords kept in {@code CRM_DATA_DIR} (mode 0600) and the database {@value #DATABASE}.
 *
 * <p>zonky's initdb trusts local connections: this is for development and single-user machines.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

  static final String DATABASE = "crm";
  static final String PASSWORDS_FILE = "database-passwords.properties";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);
  /** Unix socket paths are limited to about 107 bytes, including {@code /.s.PGSQL.<port>}. */
  private static final int MAX_SOCKET_DIR_LENGTH = 90;
  private static final Object ZONKY_SETUP = new Object();

  private final EmbeddedPostgres postgres;
  private final DatabaseConnection connection;

  private EmbeddedPostgresDatabase(EmbeddedPostgres postgres, DatabaseConnection connection) {
    this.postgres = postgres;
    this.connection = connection;
  }

  /** Starts (and on first use initialises) the embedded PostgreSQL under {@code dataDir}. */
  public static EmbeddedPostgresDatabase start(Path dataDir) {
    Path root = dataDir.resolve("postgres");
    Path data = root.resolve("data");
    Path binaries = root.resolve("bin");
    Path work = root.resolve("work");
    Path serverLog = root.resolve("postgres.log");
    boolean firstStart = !Files.exists(data.resolve("postgresql.conf"));
    Credentials owner;
    Credentials app;
    Path socketDir;
    try {
      if (!Files.exists(dataDir)) { // private by default: it holds the passwords and the data
        Files.createDirectories(dataDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Files.createDirectories(binaries);
      Files.createDirectories(work);
      socketDir = socketDirectory(dataDir);
      Properties passwords = passwords(dataDir.resolve(PASSWORDS_FILE));
      owner = new Credentials(DatabaseRoles.OWNER, passwords.getProperty(DatabaseRoles.OWNER));
      app = new Credentials(DatabaseRoles.APP, passwords.getProperty(DatabaseRoles.APP));
    } catch (IOException e) {
      throw new StartupException("cannot prepare the embedded database under " + dataDir + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    if (Files.exists(data.resolve("postmaster.pid"))) {
      log.warn("A PostgreSQL may still be running on {} (postmaster.pid exists)", data);
    }
    log.info("{} the embedded PostgreSQL in {}", firstStart ? "Initialising" : "Starting", root);
    EmbeddedPostgres postgres;
    try {
      synchronized (ZONKY_SETUP) {
        // zonky keeps lock files under this directory (never the shared /tmp/embedded-pg) and
        // cleans stale data directories inside it: it must not be the parent of ours.
        System.setProperty("ot.epg.working-dir", work.toString());
        postgres = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(binaries.toFile())
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false) // the application's graceful shutdown stops it
            .setPort(0) // a free port each start: a fixed one could collide with an orphan
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("unix_socket_directories", socketDir.toString())
            .setServerConfig("log_error_verbosity", "terse")
            .setServerConfig("log_min_error_statement", "panic")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "50")
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
      }
    } catch (IOException | RuntimeException e) {
      throw new StartupException("the embedded PostgreSQL did not start (" + e.getClass().getSimpleName()
          + "); see " + serverLog + (Files.exists(data.resolve("postmaster.pid"))
              ? " (another crm-app may be using " + dataDir + ")" : ""));
    }
    // zonky makes its binaries directory writable by everyone; the binaries run as us.
    binaries.toFile().setWritable(false, false);
    binaries.toFile().setWritable(true, true);
    try {
      bootstrap(postgres, owner, app);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(postgres);
      throw new StartupException("cannot prepare the embedded database (SQLState "
          + (e instanceof SQLException ? ((SQLException) e).getSQLState() : e.getClass().getSimpleName())
          + "); see " + serverLog);
    }
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    return new EmbeddedPostgresDatabase(postgres, new DatabaseConnection(url, app, Optional.of(owner)));
  }

  /** The database {@value #DATABASE} with both roles; the owner's credentials allow migrating. */
  public DatabaseConnection connection() {
    return connection;
  }

  /** Stops PostgreSQL (a fast shutdown: open sessions are ended, committed data is kept). */
  @Override
  public void close() {
    closeQuietly(postgres);
  }

  private static void bootstrap(EmbeddedPostgres postgres, Credentials owner, Credentials app)
      throws SQLException {
    try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
      DatabaseRoles.ensure(superuser, owner.password(), app.password());
      boolean exists;
      try (PreparedStatement st = superuser.prepareStatement("select 1 from pg_database where datname = ?")) {
        st.setString(1, DATABASE);
        try (ResultSet rs = st.executeQuery()) {
          exists = rs.next();
        }
      }
      if (!exists) {
        DatabaseRoles.createDatabase(superuser, DATABASE, null);
        log.info("Created the database {} owned by {}", DATABASE, DatabaseRoles.OWNER);
      }
    }
  }

  /** The Unix socket directory: short, under the data directory when its path allows. */
  private static Path socketDirectory(Path dataDir) throws IOException {
    Path dir = dataDir.resolve("s");
    if (dir.toString().length() <= MAX_SOCKET_DIR_LENGTH) {
      return Files.createDirectories(dir);
    }
    Path temp = Files.createTempDirectory("crm-pg",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    temp.toFile().deleteOnExit();
    log.warn("CRM_DATA_DIR is too long for a Unix socket path; using {}", temp);
    return temp;
  }

  /**
   * The roles' passwords: read from the file, or generated (SecureRandom, 32 bytes each) into a
   * new file that is created with mode 0600 and appears whole or not at all.
   */
  static Properties passwords(Path file) throws IOException {
    Properties passwords = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        passwords.load(in);
      }
      if (passwords.getProperty(DatabaseRoles.OWNER, "").isEmpty()
          || passwords.getProperty(DatabaseRoles.APP, "").isEmpty()) {
        throw new IOException(file + " lacks a password; delete it to generate new ones");
      }
      return passwords;
    }
    SecureRandom random = new SecureRandom();
    passwords.setProperty(DatabaseRoles.OWNER, newPassword(random));
    passwords.setProperty(DatabaseRoles.APP, newPassword(random));
    Files.createDirectories(file.getParent());
    boolean created = PrivateFiles.createOnce(file,
        out -> passwords.store(out, "Passwords of the embedded PostgreSQL's roles; keep private"));
    return created ? passwords : passwords(file); // another start won the race: use its passwords
  }

  private static String newPassword(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Stopping the embedded PostgreSQL failed: {}", e.getClass().getSimpleName());
    }
  }
}
