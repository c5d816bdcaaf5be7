package dev.custodian.crm.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.app.database.Credentials;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.contact.PersonName;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling the server is compared with: a bare Javalin app on its own port and its own HikariCP
 * pool, connecting as the application role to the same database, that does the least a route
 * could do per request: one autocommit {@code SELECT} of a contact by id
 * ({@code GET /plain/contacts/{id}}), the same inside the tenant transaction
 * ({@code GET /tx/contacts/{id}}: {@code set_config}, {@code SELECT}, {@code COMMIT}), and one
 * autocommit {@code INSERT} ({@code POST /plain/contacts}). It answers the same JSON the server
 * does, with Jackson, so only the server's own work separates the two.
 */
final class CeilingServer implements AutoCloseable, RoundTripCounter {

  static final String PLAIN_GET = "/plain/contacts/";
  static final String TX_GET = "/tx/contacts/";
  static final String PLAIN_POST = "/plain/contacts";

  private static final String SELECT = "select tenant_id, id, first_name, last_name, email, phone, job_title,"
      + " company_id, created_at, updated_at, version from contacts where tenant_id = ? and id = ?";
  private static final String INSERT = "insert into contacts (tenant_id, id, first_name, last_name, last_name_sort,"
      + " email, email_normalised, phone, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HikariDataSource pool;
  private final Javalin http;
  private final UUID workspace;
  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();

  private CeilingServer(HikariDataSource pool, UUID workspace, int maxThreads) {
    this.pool = pool;
    this.workspace = workspace;
    this.http = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      QueuedThreadPool threads = new QueuedThreadPool(maxThreads, 8); // as many as the server's
      threads.setName("bench-ceiling-http");
      config.jetty.threadPool = threads;
      config.routes.get(PLAIN_GET + "{id}", this::plainGet);
      config.routes.get(TX_GET + "{id}", this::transactionGet);
      config.routes.post(PLAIN_POST, this::plainPost);
    });
  }

  /**
   * Starts on a free loopback port. The pool has {@code poolSize} connections, as the server's
   * has, and sets {@code crm.tenant_id} for each whole session at connect (a startup option): row
   * level security then lets the autocommit statements see the workspace without a transaction.
   */
  static CeilingServer start(String jdbcUrl, Credentials app, UUID workspace, int poolSize, int maxThreads) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(app.user());
    config.setPassword(app.password());
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    config.setPoolName("bench-ceiling");
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "custodian-bench-ceiling");
    config.addDataSourceProperty("options", "-c crm.tenant_id=" + workspace);
    HikariDataSource pool = new HikariDataSource(config);
    CeilingServer server = new CeilingServer(pool, workspace, maxThreads);
    try {
      server.http.start("127.0.0.1", 0);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return server;
  }

  int port() {
    return http.port();
  }

  @Override
  public long statements() {
    return statements.get();
  }

  @Override
  public long roundTrips() {
    return statements.get() + commits.get();
  }

  private void plainGet(Context ctx) throws Exception {
    UUID id = UUID.fromString(ctx.pathParam("id"));
    try (Connection c = pool.getConnection()) {
      answer(ctx, select(c, id));
    }
  }

  private void transactionGet(Context ctx) throws Exception {
    UUID id = UUID.fromString(ctx.pathParam("id"));
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false); // the pool sets it back when the connection returns
      try {
        try (PreparedStatement tenant = c.prepareStatement("select set_config('crm.tenant_id', ?, true)")) {
          statements.incrementAndGet();
          tenant.setString(1, workspace.toString());
          tenant.executeQuery().close();
        }
        Optional<Map<String, Object>> contact = select(c, id);
        commits.incrementAndGet();
        c.commit();
        answer(ctx, contact);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private void plainPost(Context ctx) throws Exception {
    JsonNode body = JSON.readTree(ctx.bodyAsBytes());
    // the core's value objects check and normalise as the server's use case does
    PersonName first = new PersonName(body.path("firstName").asText());
    PersonName last = new PersonName(body.path("lastName").asText());
    EmailAddress email = new EmailAddress(body.path("email").asText());
    Optional<PhoneNumber> phone = body.hasNonNull("phone")
        ? Optional.of(new PhoneNumber(body.get("phone").asText())) : Optional.empty();
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
      statements.incrementAndGet();
      insert.setObject(1, workspace);
      insert.setObject(2, id);
      insert.setString(3, first.value());
      insert.setString(4, last.value());
      insert.setString(5, TextOrder.key(last.value()));
      insert.setString(6, email.value());
      insert.setString(7, email.normalised());
      insert.setString(8, phone.map(PhoneNumber::value).orElse(null));
      insert.setObject(9, now);
      insert.setObject(10, now);
      insert.executeUpdate();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id.toString());
    json.put("workspaceId", workspace.toString());
    json.put("firstName", first.value());
    json.put("lastName", last.value());
    json.put("email", email.value());
    phone.ifPresent(p -> json.put("phone", p.value()));
    json.put("createdAt", now.toInstant().toString());
    json.put("updatedAt", now.toInstant().toString());
    json.put("version", 1L);
    ctx.status(201).header("Location", PLAIN_POST + "/" + id).header("ETag", "\"1\"")
        .contentType("application/json").result(JSON.writeValueAsBytes(json));
  }

  private Optional<Map<String, Object>> select(Connection c, UUID id) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(SELECT)) {
      statements.incrementAndGet();
      select.setObject(1, workspace);
      select.setObject(2, id);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rs.getString("id"));
        json.put("workspaceId", rs.getString("tenant_id"));
        json.put("firstName", rs.getString("first_name"));
        json.put("lastName", rs.getString("last_name"));
        json.put("email", rs.getString("email"));
        Optional.ofNullable(rs.getString("phone")).ifPresent(p -> json.put("phone", p));
        Optional.ofNullable(rs.getString("job_title")).ifPresent(t -> json.put("jobTitle", t));
        Optional.ofNullable(rs.getString("company_id")).ifPresent(company -> json.put("companyId", company));
        json.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toInstant().toString());
        json.put("updatedAt", rs.getObject("updated_at", OffsetDateTime.class).toInstant().toString());
        json.put("version", rs.getLong("version"));
        return Optional.of(json);
      }
    }
  }

  private static void answer(Context ctx, Optional<Map<String, Object>> contact) throws Exception {
    if (contact.isEmpty()) {
      ctx.status(404);
      return;
    }
    ctx.header("ETag", "\"" + contact.get().get("version") + "\"").contentType("application/json")
        .result(JSON.writeValueAsBytes(contact.get()));
  }

  @Override
  public void close() {
    try {
      http.stop();
    } finally {
      pool.close();
    }
  }
}
