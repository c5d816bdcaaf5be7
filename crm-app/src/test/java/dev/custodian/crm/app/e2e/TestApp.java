package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.CrmServer;
import dev.custodian.crm.http.common.SessionCookie;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private final Client client;

  private TestApp(CrmServer server) {
    this.server = server;
    this.client = new Client();
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

  /** Every route the server answers, read from its router, as {@code METHOD /path}. */
  List<String> routes() {
    return server.routes();
  }

  /** The route table the server was built from. */
  List<dev.custodian.crm.http.Route> routeTable() {
    return server.routeTable();
  }

  /** The running totals of the server's statements and round trips. */
  dev.custodian.crm.persistence.common.StatementCounter statements() {
    return server.statements();
  }

  /** The origin a browser on the server's own pages sends (no CRM_PUBLIC_URL in tests). */
  String origin() {
    return "http://127.0.0.1:" + server.port();
  }

  URI uri(String path) {
    return URI.create(origin() + path);
  }

  /** The default client: the one {@link #get}, {@link #postJson} and the others send with. */
  Client client() {
    return client;
  }

  /** Another client, with a cookie jar of its own, not signed in. */
  Client newClient() {
    return new Client();
  }

  /** Signs the default client in as a new, verified account; the landed tests' one step before their requests. */
  TestApp signIn() throws Exception {
    client.signUpAndSignIn();
    return this;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.get(path);
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return client.postJson(path, json);
  }

  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return client.post(path, contentType, body);
  }

  /** A request with a JSON body and optional extra headers (name, value, name, value, ...). */
  HttpResponse<String> json(String method, String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    return client.json(method, path, contentType, body, headers);
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    return client.delete(path, headers);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request);
  }

  /**
   * An HTTP client of its own, as a browser is: it keeps the session cookie the server sets and
   * sends it back, and sends the server's origin with unsafe requests. Every answer is checked for
   * what the whole suite promises (ACC-08, TEL-07): the only cookie is {@code __Host-crm_session},
   * and no body holds a session token.
   */
  final class Client {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String sessionToken;
    private String email;
    private String password;

    /** The session token the client holds now (for tests of tokens themselves); null when none. */
    String sessionToken() {
      return sessionToken;
    }

    /** Replaces the token the client holds (null: none), e.g. to replay an old one. */
    void useSessionToken(String token) {
      this.sessionToken = token;
    }

    String email() {
      return email;
    }

    String password() {
      return password;
    }

    /** Signs up a new account, verifies it through its mail, and signs in. */
    Client signUpAndSignIn() throws Exception {
      String address = "member." + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
      String secret = "correct horse battery staple " + UUID.randomUUID();
      HttpResponse<String> signUp = postJson("/api/v1/auth/signup", "{\"name\":\"Test Member\",\"email\":\""
          + address + "\",\"password\":\"" + secret + "\",\"ageConfirmed\":true}");
      assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
      String token = awaitMail(address, "Confirm your email address").get(1);
      HttpResponse<String> verified = postJson("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
      assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
      return signIn(address, secret);
    }

    /** Signs in with an existing account's email and password. */
    Client signIn(String address, String secret) throws Exception {
      HttpResponse<String> login = postJson("/api/v1/auth/login",
          "{\"email\":\"" + address + "\",\"password\":\"" + secret + "\"}");
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      assertThat(sessionToken).as("a session cookie after signing in").isNotNull();
      this.email = address;
      this.password = secret;
      return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
      return post(path, "application/json", json);
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
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

    /** Sends with the session cookie, if any, and, for an unsafe method, the server's origin (unless the request names one). */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
      HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
      HttpRequest.Builder sent = HttpRequest.newBuilder(built, (name, value) -> true);
      if (sessionToken != null && built.headers().firstValue("Cookie").isEmpty()) {
        sent.header("Cookie", SessionCookie.NAME + "=" + sessionToken);
      }
      if (!built.method().equals("GET") && !built.method().equals("HEAD")
          && built.headers().firstValue("Origin").isEmpty() && built.headers().firstValue("Referer").isEmpty()) {
        sent.header("Origin", origin());
      }
      return sendAsIs(sent);
    }

    /** A GET with the session cookie, if any, answering bytes (a ZIP); its answer sets no cookie here. */
    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
      HttpRequest.Builder sent = HttpRequest.newBuilder(request.timeout(Duration.ofSeconds(30)).build(), (name, value) -> true);
      if (sessionToken != null) {
        sent.header("Cookie", SessionCookie.NAME + "=" + sessionToken);
      }
      return http.send(sent.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends exactly what the test built: no cookie, no origin added; the answer is still checked and its cookie kept. */
    HttpResponse<String> sendAsIs(HttpRequest.Builder request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      keepCookie(response);
      return response;
    }

    private void keepCookie(HttpResponse<String> response) {
      assertThat(SESSION_TOKEN.matcher(response.body()).find())
          .as("TEL-07: no response body holds a session token: %s", response.body()).isFalse();
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String name = cookie.substring(0, Math.max(0, cookie.indexOf('=')));
        assertThat(name).as("ACC-08: the only cookie is the session's: %s", cookie).isEqualTo(SessionCookie.NAME);
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        sessionToken = value.isEmpty() ? null : value;
      }
    }
  }

  /**
   * Runs the steps at once, each on a thread of its own, and returns their results in order: e.g.
   * sign-ups whose mails then come in the same round of the server's dispatcher, not one round each.
   */
  static <T> List<T> atOnce(List<Callable<T>> steps) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(steps.size());
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> result : threads.invokeAll(steps)) {
        try {
          results.add(result.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw (Error) e.getCause();
        }
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  /** What a session token looks like anywhere (a body, a log line). */
  static final Pattern SESSION_TOKEN = Pattern.compile("ses_[A-Za-z0-9_-]{43}");

  /** The subject line's mail to {@code email} not read before: its one link and, if any, its token. */
  static List<String> awaitMail(String email, String subject) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : SMTP.getReceivedMessages()) {
        String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
        if (to.equalsIgnoreCase(email) && message.getSubject().equals(subject) && message.getHeader("X-Seen") == null) {
          message.setHeader("X-Seen", "yes");
          String body = GreenMailUtil.getBody(message);
          assertThat(message.getContentType()).startsWith("text/plain");
          Matcher link = MAIL_LINK.matcher(body + " ");
          assertThat(link.find()).as("a link in %s", body).isTrue();
          assertThat(link.find()).as("exactly one link").isFalse();
          link.reset();
          link.find();
          List<String> found = new ArrayList<>();
          found.add(link.group(1));
          found.add(link.group(3));
          return found;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no mail '" + subject + "' arrived");
  }

  private static final Pattern MAIL_LINK = Pattern.compile("(http://\\S+?)(#token=([A-Za-z0-9_-]+))?\\s");

  /**
   * Waits (20 s at most) until the mail outbox is empty: a mail a call queued is sent by the server's
   * dispatcher in the background, with statements and rows of its own.
   */
  static void awaitEmptyOutbox(TestDatabase db) throws Exception {
    try (Connection superuser = db.superuserConnection()) {
      awaitEmptyOutbox(superuser);
    }
  }

  /** {@link #awaitEmptyOutbox(TestDatabase)}, counting on the caller's superuser connection. */
  static void awaitEmptyOutbox(Connection superuser) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count(superuser, "mail_outbox") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  /** How many rows a table has, counted as the superuser (not through the application). */
  static long count(TestDatabase db, String table) throws SQLException {
    try (Connection superuser = db.superuserConnection()) {
      return count(superuser, table);
    }
  }

  private static long count(Connection superuser, String table) throws SQLException {
    try (Statement st = superuser.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The id of the account with {@code email} (as the superuser). */
  static String accountIdOf(TestDatabase db, String email) throws Exception {
    try (Connection c = db.superuserConnection();
        java.sql.PreparedStatement st = c.prepareStatement("select id from accounts where email_normalised = lower(?)")) {
      st.setString(1, email);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as("an account with that email").isTrue();
        return rs.getString(1);
      }
    }
  }

  /** The platform audit chain's actions naming {@code account} as their actor, oldest first (as the superuser). */
  static List<String> platformAuditActionsOf(TestDatabase db, String account) throws Exception {
    List<String> actions = new ArrayList<>();
    try (Connection c = db.superuserConnection(); java.sql.PreparedStatement st = c.prepareStatement(
        "select action from platform_audit_entries where actor_account = ?::uuid order by sequence")) {
      st.setString(1, account);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
    }
    return actions;
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
