package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.CrmServer;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole application started in-process (Guice, Javalin on a free port of 127.0.0.1) and an
 * HTTP client that calls it over a real socket.
 */
final class TestApp implements AutoCloseable {

  /**
   * The SMTP server every test start on an external database mails through (one per test JVM,
   * on loopback): an external database needs SMTP, and the account tests read what it received.
   */
  static final GreenMail SMTP = startSmtp();

  private static GreenMail startSmtp() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return smtp;
  }

  /** The master key of every test start on an external database: random, once per test JVM. */
  static final byte[] MASTER_KEY = randomKey();

  private final CrmServer server;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private TestApp(CrmServer server) {
    this.server = server;
  }

  /**
   * Starts the application on the test class's database, configured exactly like an external
   * database with both roles' credentials (so serve migrates first).
   */
  static TestApp on(TestDatabase db) {
    return start(environmentFor(db));
  }

  static Map<String, String> environmentFor(TestDatabase db) {
    Map<String, String> env = new HashMap<>();
    env.put(AppConfig.HTTP_HOST, "127.0.0.1");
    env.put(AppConfig.HTTP_PORT, "0");
    env.put(AppConfig.DATABASE_URL, db.jdbcUrl());
    env.put(AppConfig.DATABASE_USER, DatabaseRoles.APP);
    env.put(AppConfig.DATABASE_PASSWORD, db.appPassword());
    env.put(AppConfig.DATABASE_OWNER_USER, DatabaseRoles.OWNER);
    env.put(AppConfig.DATABASE_OWNER_PASSWORD, db.ownerPassword());
    env.put(AppConfig.MASTER_KEY, Base64.getEncoder().encodeToString(MASTER_KEY));
    env.put(AccountConfig.SMTP_HOST, "127.0.0.1");
    env.put(AccountConfig.SMTP_PORT, String.valueOf(SMTP.getSmtp().getPort()));
    env.put(AccountConfig.SMTP_SECURITY, "none");
    return env;
  }

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  static TestApp start(Map<String, String> env, Module... extraModules) {
    return new TestApp(CrmServer.start(AppConfig.fromEnvironment(env), List.of(extraModules)));
  }

  /** A start on a clock the test moves. */
  static TestApp start(Map<String, String> env, java.time.Clock clock) {
    return new TestApp(CrmServer.start(AppConfig.fromEnvironment(env), List.of(), clock));
  }

  int port() {
    return server.port();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return post(path, "application/json", json);
  }

  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request with a JSON body and optional extra headers (name, value, name, value, ...). */
  HttpResponse<String> json(String method, String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** How many rows a table has, counted as the superuser (not through the application). */
  static long count(TestDatabase db, String table) throws SQLException {
    try (Connection c = db.superuserConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every row of every user table (the catalogue's list, not a hand-written one) as text, as the superuser. */
  static List<String> everyRowAsText(TestDatabase db, String... expectedTables) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      List<String[]> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery(
          "select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")) {
        while (rs.next()) {
          tables.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      assertThat(tables).extracting(t -> t[1]).contains(expectedTables);
      for (String[] table : tables) {
        String qualified = "\"" + table[0] + "\".\"" + table[1] + "\"";
        List<String> byteaColumns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("select column_name from information_schema.columns where table_schema = '"
            + table[0] + "' and table_name = '" + table[1] + "' and data_type = 'bytea'")) {
          while (rs.next()) {
            byteaColumns.add(rs.getString(1));
          }
        }
        StringBuilder select = new StringBuilder("select t::text");
        for (String column : byteaColumns) {
          select.append(", encode(t.\"").append(column).append("\", 'escape')");
        }
        try (ResultSet rs = st.executeQuery(select + " from " + qualified + " t")) {
          while (rs.next()) {
            StringBuilder row = new StringBuilder(table[1]).append(": ");
            for (int i = 1; i <= 1 + byteaColumns.size(); i++) {
              row.append(rs.getString(i)).append(' ');
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }

  @Override
  public void close() {
    server.close();
  }
}
