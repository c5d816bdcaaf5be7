package dev.custodian.crm.app.database;

import dev.custodian.crm.app.files.PrivateFiles;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.custodian.crm.app.files.PrivateDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a PostgreSQL 17 (zonky) whose data, binaries, lock files, Unix socket
 * and log all live under {@code CRM_DATA_DIR}, so they survive restarts and a root run never
 * shares files with a regular user's run. On every start it (re)creates the two roles with the
 * passwords kept in {@code CRM_DATA_DIR} (mode 0600) and the database {@value #DATABASE}.
 *
 * <p>Every role, the superuser included, needs its password, over TCP (127.0.0.1 only) and over
 * the socket (in a 0700 directory); a data directory of an earlier version, which trusted local
 * connections, is upgraded at its next start. Still for development and single-user machines.
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

  static final String DATABASE = "crm";
  static final String PASSWORDS_FILE = "database-passwords.properties";
  /** The superuser zonky's initdb creates; its password is kept with the roles'. */
  static final String SUPERUSER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDatabase.class);
  /** Unix socket paths are limited to about 107 bytes, including {@code /.s.PGSQL.<port>}. */
  private static final int MAX_SOCKET_DIR_LENGTH = 90;
  private static final Object ZONKY_SETUP = new Object();

  private final Launch launch;
  private final DatabaseConnection connection;
  private EmbeddedPostgres postgres;
  private volatile Optional<ProcessHandle> postmaster;
  private volatile boolean closed;

  private EmbeddedPostgresDatabase(Launch launch, EmbeddedPostgres postgres, DatabaseConnection connection) {
    this.launch = launch;
    this.postgres = postgres;
    this.connection = connection;
    this.postmaster = postmaster(launch.data());
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
    Credentials superuser;
    Path socketDir;
    try {
      requirePrivateDataDirectory(dataDir);
      Files.createDirectories(binaries);
      Files.createDirectories(work);
      socketDir = socketDirectory(dataDir);
      Properties passwords = passwords(dataDir.resolve(PASSWORDS_FILE));
      owner = new Credentials(DatabaseRoles.OWNER, passwords.getProperty(DatabaseRoles.OWNER));
      app = new Credentials(DatabaseRoles.APP, passwords.getProperty(DatabaseRoles.APP));
      superuser = new Credentials(SUPERUSER, passwords.getProperty(SUPERUSER));
    } catch (StartupException e) {
      throw e;
    } catch (IOException e) {
      throw new StartupException("cannot prepare the embedded database under " + dataDir + ": "
          + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    if (Files.exists(data.resolve("postmaster.pid"))) {
      log.warn("A PostgreSQL may still be running on {} (postmaster.pid exists)", data);
    }
    log.info("{} the embedded PostgreSQL in {}", firstStart ? "Initialising" : "Starting", root);
    Launch launch = new Launch(root, data, binaries, work, serverLog, socketDir, superuser,
        freePort());
    EmbeddedPostgres postgres = launch.start(firstStart);
    try {
      if (!ClientAuthentication.isScramOnly(data)) { // a data directory of an earlier version
        log.info("Upgrading the embedded PostgreSQL: every role now needs its password");
        ClientAuthentication.requirePasswords(launch.superuserDataSource(postgres), superuser, data,
            launch.port());
      }
      bootstrap(launch.superuserDataSource(postgres), owner, app);
      try (Connection onDatabase = launch.superuserDataSource(postgres, DATABASE).getConnection()) {
        DatabaseRoles.allowSearchIndexesUnderRowLevelSecurity(onDatabase);
      }
    } catch (SQLException | IOException | RuntimeException e) {
      closeQuietly(postgres);
      throw new StartupException("cannot prepare the embedded database (SQLState "
          + (e instanceof SQLException ? ((SQLException) e).getSQLState() : e.getClass().getSimpleName())
          + "); see " + serverLog);
    }
    String url = "jdbc:postgresql://127.0.0.1:" + launch.port() + "/" + DATABASE;
    return new EmbeddedPostgresDatabase(launch, postgres,
        new DatabaseConnection(url, app, Optional.of(owner)));
  }

  /** The database {@value #DATABASE} with both roles; the owner's credentials allow migrating. */
  public DatabaseConnection connection() {
    return connection;
  }

  /** Whether the postmaster started last is still alive (false once closed). */
  public boolean isRunning() {
    // an unreadable pid (warned about) is taken as running: restarting a live server would be worse
    return postmaster.map(ProcessHandle::isAlive).orElse(!closed);
  }

  /**
   * Starts PostgreSQL again on the same data directory and port after its postmaster died (it runs
   * crash recovery first); what is left of the dead one is stopped and unlocked first.
   *
   * @throws StartupException with one line when it does not start
   */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    closeQuietly(postgres); // releases zonky's lock on the data directory
    postgres = launch.start(false);
    postmaster = postmaster(launch.data());
  }

  /** Stops PostgreSQL (a fast shutdown: open sessions are ended, committed data is kept). */
  @Override
  public synchronized void close() {
    closed = true;
    postmaster = Optional.empty();
    closeQuietly(postgres);
  }

  private static void bootstrap(DataSource superuserDataSource, Credentials owner, Credentials app)
      throws SQLException {
    try (Connection superuser = superuserDataSource.getConnection()) {
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

  /**
   * Creates {@code CRM_DATA_DIR} with mode 0700, or refuses one that group or others may enter:
   * its secrets may have been read or its binaries replaced already, which only its operator can
   * judge, and it may be a directory we should not change (a home directory, a share).
   */
  public static void requirePrivateDataDirectory(Path dataDir) {
    try {
      if (!Files.exists(dataDir)) {
        PrivateDirectories.createOrTighten(dataDir);
      } else if (PrivateDirectories.isOpenToOthers(dataDir)) {
        throw new StartupException(dataDir + " (CRM_DATA_DIR) is open to other users (mode "
            + PrivateDirectories.mode(dataDir) + "); make it private with `chmod 700 " + dataDir
            + "`, and replace its secrets if others may have read them");
      }
    } catch (IOException e) {
      throw new StartupException("cannot prepare " + dataDir + " (CRM_DATA_DIR): "
          + e.getClass().getSimpleName());
    }
  }

  /**
   * The Unix socket directory, mode 0700 (one of an earlier version is tightened): short, under
   * the data directory when its path allows.
   */
  private static Path socketDirectory(Path dataDir) throws IOException {
    Path dir = dataDir.resolve("s");
    if (dir.toString().length() <= MAX_SOCKET_DIR_LENGTH) {
      return PrivateDirectories.createOrTighten(dir);
    }
    Path temp = Files.createTempDirectory("crm-pg",
        PosixFilePermissions.asFileAttribute(PrivateDirectories.OWNER_ONLY));
    temp.toFile().deleteOnExit();
    log.warn("CRM_DATA_DIR is too long for a Unix socket path; using {}", temp);
    return temp;
  }

  /**
   * The superuser's credentials kept in an embedded database's {@code dataDir} (after its first
   * start): for a tool that made that directory a scratch one of its own (the bench, which creates a
   * role there), never for serving.
   */
  public static Credentials superuserOf(Path dataDir) throws IOException {
    return new Credentials(SUPERUSER, passwords(dataDir.resolve(PASSWORDS_FILE)).getProperty(SUPERUSER));
  }

  /**
   * The passwords of the superuser and both roles: read from the file, or generated
   * (SecureRandom, 32 bytes each) into a new file that is created with mode 0600 and appears whole
   * or not at all. A file of an earlier version, without the superuser's, gets one added.
   */
  static Properties passwords(Path file) throws IOException {
    Properties passwords = new Properties();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        passwords.load(in);
      }
      // crm_owner's and crm_app's are set again at each start; the superuser's is set when a data
      // directory without one is upgraded, else a new one is refused by the server
      boolean added = false;
      for (String user : List.of(SUPERUSER, DatabaseRoles.OWNER, DatabaseRoles.APP)) {
        if (passwords.getProperty(user, "").isEmpty()) {
          passwords.setProperty(user, newPassword(new SecureRandom()));
          added = true;
        }
      }
      if (added) {
        PrivateFiles.replace(file, out -> passwords.store(out, PASSWORDS_COMMENT));
      }
      return passwords;
    }
    SecureRandom random = new SecureRandom();
    passwords.setProperty(SUPERUSER, newPassword(random));
    passwords.setProperty(DatabaseRoles.OWNER, newPassword(random));
    passwords.setProperty(DatabaseRoles.APP, newPassword(random));
    Files.createDirectories(file.getParent());
    boolean created = PrivateFiles.createOnce(file, out -> passwords.store(out, PASSWORDS_COMMENT));
    return created ? passwords : passwords(file); // another start won the race: use its passwords
  }

  private static final String PASSWORDS_COMMENT =
      "Passwords of the embedded PostgreSQL's superuser and roles; keep private";

  private static String newPassword(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static int freePort() {
    // chosen here, not by zonky, so that a restart after a crash keeps it (the pool's URL has it)
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StartupException("cannot find a free port for the embedded PostgreSQL ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** The running postmaster, by the pid in its lock file. */
  private static Optional<ProcessHandle> postmaster(Path data) {
    try {
      String first = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
      return ProcessHandle.of(Long.parseLong(first));
    } catch (IOException | RuntimeException e) {
      log.warn("Cannot read the embedded PostgreSQL's pid ({})", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      log.warn("Stopping the embedded PostgreSQL failed: {}", e.getClass().getSimpleName());
    }
  }

  /** How this data directory's PostgreSQL is started, the first time and after a crash alike. */
  private record Launch(Path root, Path data, Path binaries, Path work, Path serverLog,
      Path socketDir, Credentials superuser, int port) {

    EmbeddedPostgres start(boolean firstStart) {
      Path initdbPassword = null;
      try {
        EmbeddedPostgres postgres;
        synchronized (ZONKY_SETUP) {
          // zonky keeps lock files under this directory (never the shared /tmp/embedded-pg) and
          // cleans stale data directories inside it: it must not be the parent of ours.
          System.setProperty("ot.epg.working-dir", work.toString());
          EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(binaries.toFile())
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false) // the application's graceful shutdown stops it
              .setPort(port)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("unix_socket_directories", socketDir.toString())
              .setServerConfig("password_encryption", ClientAuthentication.SCRAM)
              .setServerConfig("log_error_verbosity", "terse")
              .setServerConfig("log_min_error_statement", "panic")
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "50")
              // zonky's own readiness probe connects as the superuser: it needs the password too
              .setConnectConfig("password", superuser.password())
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
              .setPGStartupWait(Duration.ofSeconds(60));
          if (firstStart) {
            // initdb gives the superuser its password (zonky passes each "locale" entry to initdb
            // as --key=value), and pg_hba.conf asks for it before the server first listens: a new
            // data directory never trusts anyone, not even for a moment
            initdbPassword = Files.createTempFile(root, ".initdb", ".tmp",
                PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY));
            Files.writeString(initdbPassword, superuser.password() + "\n");
            builder.setLocaleConfig("pwfile", initdbPassword.toString())
                .setDataDirectoryCustomizer(dir -> {
                  try {
                    ClientAuthentication.writeScramOnly(dir.toPath());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          }
          postgres = builder.start();
        }
        // zonky makes its binaries directory writable by everyone; the binaries run as us.
        binaries.toFile().setWritable(false, false);
        binaries.toFile().setWritable(true, true);
        return postgres;
      } catch (IOException | RuntimeException e) {
        throw new StartupException("the embedded PostgreSQL did not start (" + e.getClass().getSimpleName()
            + "); see " + serverLog + (anotherPostmaster(data)
                ? " (another crm-app may be using " + root.getParent() + ")" : ""));
      } finally {
        deleteQuietly(initdbPassword);
      }
    }

    /** Whether a live process holds the data directory's lock file (a dead one's is stale). */
    private static boolean anotherPostmaster(Path data) {
      try {
        String first = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
        return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    /** The superuser on its maintenance database, with its password. */
    DataSource superuserDataSource(EmbeddedPostgres postgres) {
      return postgres.getDatabase(SUPERUSER, "postgres", Map.of("password", superuser.password()));
    }

    /** The superuser on {@code database}, with its password. */
    DataSource superuserDataSource(EmbeddedPostgres postgres, String database) {
      return postgres.getDatabase(SUPERUSER, database, Map.of("password", superuser.password()));
    }

    private static void deleteQuietly(Path file) {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          log.warn("Cannot delete the temporary file {}", file);
        }
      }
    }
  }
}
