package dev.custodian.crm.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.app.access.AccessModule;
import dev.custodian.crm.app.account.AccountModule;
import dev.custodian.crm.app.activity.ActivityModule;
import dev.custodian.crm.app.audit.AuditModule;
import dev.custodian.crm.app.company.CompanyModule;
import dev.custodian.crm.app.consent.ConsentModule;
import dev.custodian.crm.app.contact.ContactModule;
import dev.custodian.crm.app.core.CoreModule;
import dev.custodian.crm.app.customfield.CustomFieldModule;
import dev.custodian.crm.app.database.DatabaseConnection;
import dev.custodian.crm.app.database.DatabaseSetup;
import dev.custodian.crm.app.database.EmbeddedPostgresDatabase;
import dev.custodian.crm.app.database.EmbeddedPostgresWatchdog;
import dev.custodian.crm.app.database.PersistenceModule;
import dev.custodian.crm.app.datamap.DataMapModule;
import dev.custodian.crm.app.deal.DealModule;
import dev.custodian.crm.app.dsr.PrivacyRequestModule;
import dev.custodian.crm.app.dsr.SubjectPackageModule;
import dev.custodian.crm.app.erasure.ErasureModule;
import dev.custodian.crm.app.export.ExportModule;
import dev.custodian.crm.app.http.HttpModule;
import dev.custodian.crm.app.imports.ImportModule;
import dev.custodian.crm.app.imports.ImportWakeups;
import dev.custodian.crm.app.imports.ImportWorkers;
import dev.custodian.crm.app.keys.KeyModule;
import dev.custodian.crm.app.keys.MasterKeys;
import dev.custodian.crm.app.mail.MailDelivery;
import dev.custodian.crm.app.pipeline.PipelineModule;
import dev.custodian.crm.app.retention.RetentionJob;
import dev.custodian.crm.app.session.SessionModule;
import dev.custodian.crm.app.workspace.WorkspaceModule;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.mail.port.out.Mailer;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.retention.RetentionReport;
import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.http.HttpApi;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.common.StatementCounter;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.MasterKey;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: database (embedded or external), the application role's pool, and the
 * HTTP API. {@link #close()} stops them in reverse order: HTTP (requests in flight finish), pool,
 * embedded PostgreSQL.
 */
public final class CrmServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CrmServer.class);


  private final Javalin http;
  private final HikariDataSource pool;
  private final Optional<EmbeddedPostgresDatabase> embedded;
  private final Optional<EmbeddedPostgresWatchdog> watchdog;
  private final MailDelivery mail;
  private final Optional<RetentionJob> retention;
  private final Optional<ImportWorkers> importWorkers;
  private final DatabaseConnection database;
  private final StatementCounter statements;
  private boolean closed;

  private CrmServer(Javalin http, HikariDataSource pool, Optional<EmbeddedPostgresDatabase> embedded,
      Optional<EmbeddedPostgresWatchdog> watchdog, MailDelivery mail, Optional<RetentionJob> retention,
      Optional<ImportWorkers> importWorkers, DatabaseConnection database, StatementCounter statements) {
    this.http = http;
    this.pool = pool;
    this.embedded = embedded;
    this.watchdog = watchdog;
    this.mail = mail;
    this.retention = retention;
    this.importWorkers = importWorkers;
    this.database = database;
    this.statements = statements;
  }

  /**
   * Starts everything, migrating first when the owner role is known (always for the embedded
   * database) and checking the master key against the database before HTTP listens. Whatever
   * started is stopped again when a later step fails.
   *
   * @throws StartupException with one clear line when the application cannot start
   */
  public static CrmServer start(AppConfig config) {
    return start(config, List.of());
  }

  /**
   * As {@link #start(AppConfig)}, with more Guice modules besides the features': a module may bind
   * further {@code RouteGroup}s, {@code ErasureParticipant}s or {@code WorkspaceInitializer}s into their sets.
   */
  public static CrmServer start(AppConfig config, List<? extends Module> extraModules) {
    return start(config, extraModules, Clock.systemUTC());
  }

  /** As {@link #start(AppConfig, List)}, on another clock (a test's, to let time pass). */
  public static CrmServer start(AppConfig config, List<? extends Module> extraModules, Clock clock) {
    if (config.embedded()) { // before a master key is generated into it
      EmbeddedPostgresDatabase.requirePrivateDataDirectory(config.dataDir());
    }
    MasterKey masterKey = MasterKeys.load(config); // before anything starts
    EmbeddedPostgresDatabase embedded = null;
    EmbeddedPostgresWatchdog watchdog = null;
    HikariDataSource pool = null;
    try {
      DatabaseConnection db;
      if (config.embedded()) {
        embedded = EmbeddedPostgresDatabase.start(config.dataDir());
        db = embedded.connection();
      } else {
        db = externalConnection(config, "serve");
      }
      pool = DatabaseSetup.prepareToServe(db, config.databaseTimeouts(), config.databasePoolSize());
      if (embedded != null) {
        watchdog = EmbeddedPostgresWatchdog.start(embedded);
      }
      EmbeddedPostgresWatchdog alive = watchdog;
      JooqPersistence persistence = DatabaseSetup.persistence(pool);
      List<Module> modules = new ArrayList<>(List.of(new CoreModule(config.accounts(), clock, config.retention().batchSize()),
          new PersistenceModule(pool, persistence,
              alive == null ? () -> true : alive::isAlive),
          new KeyModule(masterKey),
          new HttpModule(new HttpApi.Settings(config.maxRequestBytes(), config.allowedHosts(), 200,
              config.publicUrl().map(java.net.URI::toString)))));
      modules.addAll(features());
      modules.add(new ExportModule(config.exports()));
      modules.add(new ImportModule(config.imports()));
      modules.addAll(extraModules);
      // The production stage builds every singleton now, Custodian and its master-key check included.
      Injector injector = MasterKeys.verified(() -> Guice.createInjector(Stage.PRODUCTION, modules));
      Javalin http = injector.getInstance(Javalin.class);
      listen(http, config);
      Custodian custodian = injector.getInstance(Custodian.class);
      MailDelivery mail = MailDelivery.start(custodian.mailDispatcher(mailer(config, clock),
          MailDispatcher.Settings.of(config.mailLinkBase(http.port()), config.accounts().mailTokenTtl())),
          custodian.throttle());
      Optional<RetentionJob> retention = config.retention().enabled()
          ? Optional.of(RetentionJob.start(custodian.purgeReminders(), custodian.retention(),
              config.retention().interval()))
          : Optional.empty();
      Optional<ImportWorkers> importWorkers = config.imports().workersEnabled()
          ? Optional.of(ImportWorkers.start(custodian.importRunner(), config.imports().workers(),
              config.imports().pollInterval(), injector.getInstance(ImportWakeups.class)))
          : Optional.empty();
      log.info("Custodian CRM listening on http://{}:{} ({})", config.httpHost(), http.port(),
          embedded != null ? "embedded PostgreSQL in " + config.dataDir() : "database " + db.describe());
      return new CrmServer(http, pool, Optional.ofNullable(embedded), Optional.ofNullable(watchdog), mail, retention,
          importWorkers, db, persistence.transactions().statements());
    } catch (RuntimeException e) {
      if (watchdog != null) {
        watchdog.close();
      }
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /** Every feature, one module each: a feature's module binds its stores, use cases and routes. */
  private static List<Module> features() {
    return List.of(new WorkspaceModule(), new ContactModule(), new CompanyModule(), new PipelineModule(),
        new DealModule(), new ActivityModule(), new CustomFieldModule(), new ErasureModule(),
        new AccountModule(), new SessionModule(), new AccessModule(), new AuditModule(), new ConsentModule(), new DataMapModule(),
        new SubjectPackageModule(),
        new PrivacyRequestModule());
  }

  /**
   * Verifies every audit chain (the platform's and each workspace's, each in a transaction of its
   * own, as the application role) with the master key, then stops what it started.
   *
   * @throws StartupException with one clear line when the database or the key cannot be used
   */
  public static List<AuditVerification> auditVerify(AppConfig config) {
    return operate(config, "audit-verify", custodian -> custodian.audit().verifyAll().verifyAll());
  }

  /**
   * What a retention run would delete now, per workspace and step, without changing a row (as the
   * application role, each workspace in a transaction of its own), then stops what it started.
   *
   * @throws StartupException with one clear line when the database or the key cannot be used
   */
  public static RetentionReport retentionDryRun(AppConfig config) {
    return operate(config, "retention-dry-run", custodian -> custodian.retention().dryRun());
  }

  /** Up to {@code limit} retention runs from the history, the latest first, then stops what it started. */
  public static List<RetentionRun> retentionRuns(AppConfig config, int limit) {
    return operate(config, "retention-runs", custodian -> custodian.retention().recent(limit));
  }

  /**
   * An operator command: the database (the embedded one started for it), a small pool of the
   * application role and the library with the master key checked; all stopped again after {@code work}.
   */
  private static <T> T operate(AppConfig config, String command, Function<Custodian, T> work) {
    if (config.embedded()) {
      EmbeddedPostgresDatabase.requirePrivateDataDirectory(config.dataDir());
    }
    MasterKey masterKey = MasterKeys.load(config);
    EmbeddedPostgresDatabase embedded = null;
    HikariDataSource pool = null;
    try {
      DatabaseConnection db;
      if (config.embedded()) {
        embedded = EmbeddedPostgresDatabase.start(config.dataDir());
        db = embedded.connection();
      } else {
        db = externalConnection(config, command);
      }
      pool = DatabaseSetup.prepareToServe(db, config.databaseTimeouts(), 2);
      JooqPersistence persistence = DatabaseSetup.persistence(pool);
      Custodian custodian = MasterKeys.verified(() -> Custodian.builder()
          .persistence(persistence).keys(masterKey).retentionBatchSize(config.retention().batchSize()).build());
      return work.apply(custodian);
    } finally {
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Runs the pending migrations as the owner role, then stops what it started. */
  public static int migrate(AppConfig config) {
    if (config.embedded()) {
      try (EmbeddedPostgresDatabase embedded = EmbeddedPostgresDatabase.start(config.dataDir())) {
        return DatabaseSetup.migrate(embedded.connection());
      }
    }
    return DatabaseSetup.migrate(externalConnection(config, "migrate"));
  }

  /** Every route the server answers, as {@code METHOD /path}, read from the HTTP router (for diagnostics and tests). */
  public List<String> routes() {
    return HttpApi.routes(http);
  }

  /** The route table the server was built from: every route with its access and types (for documentation and tests). */
  public List<dev.custodian.crm.http.Route> routeTable() {
    return HttpApi.tableOf(http);
  }

  /** The HTTP port actually bound (useful with {@code CRM_HTTP_PORT=0}). */
  public int port() {
    return http.port();
  }

  /** Where the server's database is and its roles' credentials (the embedded one's are generated). */
  public DatabaseConnection database() {
    return database;
  }

  /** Most connections the server's pool holds at once. */
  public int poolSize() {
    return pool.getMaximumPoolSize();
  }

  /** The running totals of the statements and round trips the server's persistence adapter made. */
  public StatementCounter statements() {
    return statements;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    log.info("Shutting down");
    // Each step runs whatever the one before did: a shutdown hook must never throw.
    watchdog.ifPresent(w -> quietly("the database watchdog", w::close)); // a stopping database is no crash
    retention.ifPresent(job -> quietly("the retention job", job::close));
    importWorkers.ifPresent(workers -> quietly("the import workers", workers::close));
    quietly("the mail delivery", mail::close);
    quietly("the HTTP server", http::stop);
    quietly("the connection pool", pool::close);
    embedded.ifPresent(db -> quietly("the embedded PostgreSQL", db::close));
    log.info("Stopped");
  }

  private static Mailer mailer(AppConfig config, Clock clock) {
    try {
      return MailDelivery.mailer(config.accounts().smtp(), config.dataDir(), AccountConfig.DEFAULT_FROM, clock);
    } catch (java.io.IOException e) {
      throw new StartupException("cannot create the mail directory under " + config.dataDir() + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private static void quietly(String what, Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      log.warn("Stopping {} failed ({}); going on", what, e.getClass().getName());
    }
  }

  private static DatabaseConnection externalConnection(AppConfig config, String command) {
    String url = config.databaseUrl().orElseThrow();
    if (command.equals("migrate")) {
      var owner = config.owner().orElseThrow(() -> new StartupException("migrate needs the owner role: set "
          + AppConfig.DATABASE_OWNER_USER + " and " + AppConfig.DATABASE_OWNER_PASSWORD));
      return new DatabaseConnection(url, config.app().orElse(owner), config.owner());
    }
    var app = config.app().orElseThrow(() -> new StartupException(command
        + " needs the application role: set " + AppConfig.DATABASE_USER + " and "
        + AppConfig.DATABASE_PASSWORD));
    return new DatabaseConnection(url, app, config.owner());
  }

  private static void listen(Javalin http, AppConfig config) {
    try {
      http.start(config.httpHost(), config.httpPort());
    } catch (JavalinBindException e) {
      stopQuietly(http);
      throw new StartupException("cannot listen on " + config.httpHost() + ":" + config.httpPort()
          + ": the port is already in use (set " + AppConfig.HTTP_PORT + ")");
    } catch (RuntimeException e) {
      stopQuietly(http);
      throw new StartupException("cannot listen on " + config.httpHost() + ":" + config.httpPort()
          + " (" + rootCause(e).getClass().getSimpleName() + "; check " + AppConfig.HTTP_HOST
          + " and " + AppConfig.HTTP_PORT + ")");
    }
  }

  private static void stopQuietly(Javalin http) {
    try {
      http.stop();
    } catch (RuntimeException ignored) {
      // it never started
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
