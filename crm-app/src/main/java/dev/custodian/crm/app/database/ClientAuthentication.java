package dev.custodian.crm.app.database;

import dev.custodian.crm.app.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL's {@code pg_hba.conf}: zonky's initdb trusts every local connection; this
 * one asks every role, the superuser included, for its password (SCRAM) over TCP and the socket.
 */
final class ClientAuthentication {

  static final String FILE = "pg_hba.conf";
  static final String SCRAM = "scram-sha-256";

  /** Every connection type, every database, every role: a password, checked by SCRAM. */
  static final String SCRAM_ONLY = String.join("\n",
      "# Written by Custodian CRM at each start that finds anything else here: every role, the",
      "# superuser included, proves its password (SCRAM). The passwords are in",
      "# CRM_DATA_DIR/" + EmbeddedPostgresDatabase.PASSWORDS_FILE + " (mode 0600).",
      "# TYPE  DATABASE  USER  ADDRESS       METHOD",
      "local   all       all                 " + SCRAM,
      "host    all       all   127.0.0.1/32  " + SCRAM,
      "host    all       all   ::1/128       " + SCRAM,
      "");

  private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

  private ClientAuthentication() {}

  /** Whether every rule of the data directory's {@code pg_hba.conf} asks for a SCRAM password. */
  static boolean isScramOnly(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve(FILE);
    if (!Files.exists(file)) {
      return false;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    boolean anyRule = false;
    for (String line : lines) {
      String rule = line.replaceFirst("#.*$", "").strip();
      if (rule.isEmpty()) {
        continue;
      }
      anyRule = true;
      String[] fields = rule.split("\\s+");
      int method = fields[0].equals("local") ? 3 : 4; // host rules have an address column
      if (fields.length <= method || !fields[method].equals(SCRAM)) {
        return false;
      }
    }
    return anyRule;
  }

  /** Replaces the data directory's {@code pg_hba.conf} atomically with {@link #SCRAM_ONLY}. */
  static void writeScramOnly(Path dataDirectory) throws IOException {
    PrivateFiles.replace(dataDirectory.resolve(FILE),
        out -> out.write(SCRAM_ONLY.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Upgrades a running server that still trusts local connections (a data directory of an
   * earlier version): gives the superuser its password, rewrites {@code pg_hba.conf}, reloads the
   * configuration and waits until a connection without a password is refused.
   *
   * @param superuser connects as the superuser; the current rules let it in without a password
   */
  static void requirePasswords(DataSource superuser, Credentials superuserCredentials,
      Path dataDirectory, int port) throws SQLException, IOException {
    try (Connection c = superuser.getConnection()) {
      // the password goes to the server already hashed, never in SQL text
      c.unwrap(PGConnection.class).alterUserPassword(superuserCredentials.user(),
          superuserCredentials.password().toCharArray(), SCRAM);
      writeScramOnly(dataDirectory);
      try (Statement st = c.createStatement()) {
        st.execute("select pg_reload_conf()");
      }
    }
    awaitPasswordRequired(superuserCredentials.user(), port);
  }

  /**
   * How a login without a password is refused once a password is required: the server's
   * invalid_authorization_specification / invalid_password, or the driver's own refusal to go on
   * without one (connection_rejected, raised when the server asks for SCRAM).
   */
  private static final java.util.Set<String> AUTHENTICATION_REFUSED = java.util.Set.of("28000", "28P01", "08004");

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** pg_reload_conf() only signals the postmaster: wait (bounded) until the new rules apply. */
  private static void awaitPasswordRequired(String user, int port) throws SQLException {
    PGSimpleDataSource withoutPassword = new PGSimpleDataSource();
    withoutPassword.setServerNames(new String[] {"127.0.0.1"});
    withoutPassword.setPortNumbers(new int[] {port});
    withoutPassword.setDatabaseName("postgres");
    withoutPassword.setUser(user);
    withoutPassword.setLoginTimeout(5);
    long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection c = withoutPassword.getConnection()) {
        Thread.sleep(50); // still let in: the postmaster has not reloaded yet
      } catch (SQLException e) {
        if (AUTHENTICATION_REFUSED.contains(e.getSQLState())) {
          return; // a password is now asked for
        }
        pause(); // another failure (too many connections, a timeout) proves nothing: ask again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new SQLException("the new pg_hba.conf did not take effect", "55000");
  }
}
