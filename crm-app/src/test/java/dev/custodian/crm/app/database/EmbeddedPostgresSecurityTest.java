package dev.custodian.crm.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.CrmServer;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL lets no one else in: every role needs its password over TCP and the
 * socket, a data directory of the previous version (which trusted local connections) is upgraded
 * in place, and a {@code CRM_DATA_DIR} open to other users is refused. One server for the class.
 */
class EmbeddedPostgresSecurityTest {

  private static final List<String> USERS =
      List.of(EmbeddedPostgresDatabase.SUPERUSER, DatabaseRoles.OWNER, DatabaseRoles.APP);

  private static Path dataDir;
  private static EmbeddedPostgresDatabase database;

  @BeforeAll
  static void start() {
    dataDir = newDataDir("embedded-security-");
    database = EmbeddedPostgresDatabase.start(dataDir);
  }

  @AfterAll
  static void stop() throws IOException {
    if (database != null) {
      database.close();
      deleteRecursively(dataDir);
    }
  }

  @Test
  @DisplayName("SEC-06: the embedded PostgreSQL refuses every connection without a password, over"
      + " TCP (127.0.0.1 only) and its Unix socket, as the superuser, crm_owner and crm_app, while"
      + " the same roles with their passwords get in")
  void everyRoleNeedsItsPassword_overTcpAndSocket() throws Exception {
    int port = port(database);
    Properties passwords = passwords(dataDir);

    for (String user : USERS) {
      assertThatThrownBy(() -> query(port, user, null, "select 1"))
          .as("%s over TCP without a password", user)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
              .as("refused for want of a password").isIn("08004", "28000", "28P01"));
      assertThatThrownBy(() -> query(port, user, "not-the-password", "select 1"))
          .as("%s over TCP with a wrong password", user)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
      assertThat(query(port, user, passwords.getProperty(user), "select 1")).isEqualTo("1");
    }

    Path hba = dataDir.resolve("postgres/data/pg_hba.conf");
    assertThat(Files.readString(hba)).doesNotContainIgnoringCase("trust");
    String superuserPassword = passwords.getProperty(EmbeddedPostgresDatabase.SUPERUSER);
    assertThat(query(port, "postgres", superuserPassword,
        "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
        .isEqualTo("scram-sha-256");
    assertThat(query(port, "postgres", superuserPassword, "show listen_addresses")).isEqualTo("127.0.0.1");
    assertThat(query(port, "postgres", superuserPassword, "show password_encryption"))
        .isEqualTo("scram-sha-256");
    assertThat(query(port, "postgres", superuserPassword,
        "select count(*) from pg_authid where rolcanlogin and rolpassword is null"))
        .as("every role that may log in has a password").isEqualTo("0");
    for (InetAddress address : nonLoopbackAddresses()) {
      assertThat(accepts(address, port)).as("listening on %s", address).isFalse();
    }

    Path socketDir = dataDir.resolve("s");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
    Optional<Path> psql = psql();
    if (System.getenv("CI") != null) { // CI must prove the socket half, not skip it
      assertThat(psql).as("a psql client to try the Unix socket with").isPresent();
    }
    assumeThat(psql).as("a psql client to try the Unix socket with").isPresent();
    for (String user : USERS) {
      Psql refused = psql(psql.get(), socketDir, port, user, null);
      assertThat(refused.exitCode()).as("%s over the socket without a password: %s", user, refused.output())
          .isNotZero();
      assertThat(refused.output()).containsIgnoringCase("password");
      Psql admitted = psql(psql.get(), socketDir, port, user, passwords.getProperty(user));
      assertThat(admitted.exitCode()).as("%s over the socket with its password: %s", user, admitted.output())
          .isZero();
    }
  }

  @Test
  @DisplayName("TEN-02: a data directory of the previous version (pg_hba.conf trusting local"
      + " connections, a superuser without a password) is upgraded at its next start, so no local"
      + " user can bypass row-level security as the superuser, and every row is still there")
  void previousVersionsDataDirectory_isUpgradedInPlace() throws Exception {
    Path legacyDir = newDataDir("embedded-upgrade-");
    Path passwordsFile = legacyDir.resolve(EmbeddedPostgresDatabase.PASSWORDS_FILE);
    Path hba = legacyDir.resolve("postgres/data/pg_hba.conf");
    try (EmbeddedPostgresDatabase first = EmbeddedPostgresDatabase.start(legacyDir)) {
      int port = port(first);
      Properties passwords = passwords(legacyDir);
      try (Connection owner = connect(port, DatabaseRoles.OWNER,
              passwords.getProperty(DatabaseRoles.OWNER), EmbeddedPostgresDatabase.DATABASE);
          Statement st = owner.createStatement()) {
        st.execute("create table kept (id int primary key, note text not null)");
        st.execute("insert into kept select n, 'row ' || n from generate_series(1, 250) n");
      }
      // back to what zonky's initdb and the previous version left: trust, no superuser password
      Files.writeString(hba, String.join("\n",
          "local   all             all                                     trust",
          "host    all             all             127.0.0.1/32            trust",
          "host    all             all             ::1/128                 trust",
          "local   replication     all                                     trust",
          "host    replication     all             127.0.0.1/32            trust",
          ""));
      try (Connection superuser = connect(port, "postgres",
              passwords.getProperty(EmbeddedPostgresDatabase.SUPERUSER), "postgres");
          Statement st = superuser.createStatement()) {
        st.execute("alter role postgres password null");
        st.execute("select pg_reload_conf()");
      }
    }
    Properties legacyPasswords = passwords(legacyDir);
    legacyPasswords.remove(EmbeddedPostgresDatabase.SUPERUSER);
    try (OutputStream out = Files.newOutputStream(passwordsFile)) {
      legacyPasswords.store(out, null);
    }
    Files.setPosixFilePermissions(legacyDir.resolve("s"), PosixFilePermissions.fromString("rwxr-xr-x"));

    try (EmbeddedPostgresDatabase upgraded = EmbeddedPostgresDatabase.start(legacyDir)) {
      int port = port(upgraded);
      assertThat(Files.readString(hba)).doesNotContainIgnoringCase("trust");
      assertThat(ClientAuthentication.isScramOnly(hba.getParent())).isTrue();
      Properties passwords = passwords(legacyDir);
      String superuserPassword = passwords.getProperty(EmbeddedPostgresDatabase.SUPERUSER);
      assertThat(superuserPassword).as("a superuser password was generated").hasSizeGreaterThan(40);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordsFile)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(legacyDir.resolve("s"))))
          .as("the previous version's socket directory is tightened").isEqualTo("rwx------");

      assertThatThrownBy(() -> query(port, "postgres", null, "select count(*) from kept"))
          .as("the superuser, which bypasses row-level security, needs its password")
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
              .as("refused for want of a password").isIn("08004", "28000", "28P01"));
      assertThat(query(port, "postgres", superuserPassword,
          "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
          .isEqualTo("t");
      try (Connection owner = connect(port, DatabaseRoles.OWNER,
              passwords.getProperty(DatabaseRoles.OWNER), EmbeddedPostgresDatabase.DATABASE);
          Statement st = owner.createStatement();
          ResultSet rs = st.executeQuery("select count(*), sum(id) from kept")) {
        rs.next();
        assertThat(rs.getLong(1)).as("every row is still there").isEqualTo(250);
        assertThat(rs.getLong(2)).isEqualTo(250L * 251 / 2);
      }
    }
    deleteRecursively(legacyDir);
  }

  @Test
  void givenDataDirectoryOpenToOthers_whenServing_thenRefusedWithOneLine_andLeftUntouched()
      throws Exception {
    Path open = newDataDir("embedded-open-");
    Files.createDirectories(open);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of(AppConfig.DATA_DIR, open.toString(), AppConfig.HTTP_PORT, "0");

    assertThatThrownBy(() -> CrmServer.start(AppConfig.fromEnvironment(env)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("open to other users (mode rwxr-xr-x)")
        .hasMessageContaining("chmod 700 " + open)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwxr-xr-x");
    assertThat(open).as("no master key, password or database written into it").isEmptyDirectory();
    deleteRecursively(open);
  }

  private static Path newDataDir(String prefix) {
    return Path.of("target", prefix + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
  }

  private static int port(EmbeddedPostgresDatabase db) {
    String url = db.connection().jdbcUrl(); // jdbc:postgresql://127.0.0.1:<port>/crm
    return Integer.parseInt(url.replaceFirst("^.*://127\\.0\\.0\\.1:(\\d+)/.*$", "$1"));
  }

  private static Properties passwords(Path dir) throws IOException {
    Properties passwords = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve(EmbeddedPostgresDatabase.PASSWORDS_FILE))) {
      passwords.load(in);
    }
    return passwords;
  }

  private static Connection connect(int port, String user, String password, String database)
      throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser(user);
    if (password != null) {
      ds.setPassword(password);
    }
    ds.setLoginTimeout(10);
    return ds.getConnection();
  }

  /** The first column of the first row, as text, on the role's usual database. */
  private static String query(int port, String user, String password, String sql) throws SQLException {
    String database = user.equals("postgres") ? "postgres" : EmbeddedPostgresDatabase.DATABASE;
    try (Connection c = connect(port, user, password, database);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof Inet4Address) {
          addresses.add(address);
        }
      }
    }
    return addresses;
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> psql() {
    return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
            Stream.of("/usr/bin", "/usr/local/bin"))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "psql"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private record Psql(int exitCode, String output) {}

  /** psql over the socket directory, never prompting, without ~/.pgpass. */
  private static Psql psql(Path psql, Path socketDir, int port, String user, String password)
      throws Exception {
    String database = user.equals("postgres") ? "postgres" : EmbeddedPostgresDatabase.DATABASE;
    ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-w", "-h", socketDir.toString(),
        "-p", Integer.toString(port), "-U", user, "-d", database, "-c", "select 1")
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PG"));
    env.put("PGPASSFILE", "/dev/null");
    env.put("PGCONNECT_TIMEOUT", "10");
    if (password != null) {
      env.put("PGPASSWORD", password);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Psql(process.exitValue(), output);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
