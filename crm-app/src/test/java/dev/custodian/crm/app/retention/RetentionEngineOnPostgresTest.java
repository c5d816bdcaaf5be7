package dev.custodian.crm.app.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.LegalBasis;
import dev.custodian.crm.core.datamap.DataCategory;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.datamap.RetentionRule;
import dev.custodian.crm.core.retention.DueRows;
import dev.custodian.crm.core.retention.RetentionReport;
import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.audit.ChainedAuditLog;
import dev.custodian.crm.privacy.crypto.MasterKey;
import dev.custodian.crm.privacy.retention.RetentionEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retention engine on real PostgreSQL, as {@code crm_app} (RET-01, RET-03, RET-11, TEN-03):
 * workspaces are made through the library, their data inserted in bulk as the superuser, their
 * cancellation set in SQL; each test moves the clock itself and leaves nothing due behind.
 */
class RetentionEngineOnPostgresTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  /** What outlives a workspace's purge (RET-11's closed list), as {@code WorkspacePurgeCoverageTest} has it. */
  private static final Set<String> KEPT = Set.of("audit_entries", "consent_events", "consent_purposes");
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  private static final byte[] KEY = new byte[32];
  private static final MutableClock clock = new MutableClock(START);
  private static JooqPersistence persistence;
  private static Custodian custodian;
  private static final Actor OWNER = Actor.account(AccountId.of(UUID.randomUUID()));

  @BeforeAll
  static void setUp() {
    new SecureRandom().nextBytes(KEY);
    persistence = db.persistence();
    custodian = Custodian.builder().persistence(persistence).keys(MasterKey.of(KEY)).clock(clock).build();
  }

  @AfterEach
  void clockBack() {
    clock.set(START);
  }

  /** A new ACTIVE workspace holding {@code contacts} contacts, a suppression entry per tenth, a receipt, an invitation and an API key. */
  private static WorkspaceId workspace(String name, int contacts) throws Exception {
    WorkspaceId id = custodian.workspaces().create().create(OWNER, CreateWorkspaceCommand.named(name)).id();
    try (Connection c = db.superuserConnection()) {
      sql(c, """
          insert into contacts (tenant_id, id, first_name, last_name, email, email_normalised, created_at,
                                updated_at, version, last_name_sort)
          select ?, gen_random_uuid(), 'Test', 'Person ' || g, 'p' || g || '@example.org', 'p' || g || '@example.org',
                 now(), now(), 1, 'person ' || g
            from generate_series(1, ?) g""", id.value(), contacts);
      sql(c, """
          insert into suppression_entries (tenant_id, kind, keyed_hash, created_at)
          select ?, 'email', md5(g::text) || md5(g::text), now() from generate_series(1, ?) g""",
          id.value(), contacts / 10);
      sql(c, "insert into erasure_receipts (tenant_id, id, contact_id, erased_at) values (?, gen_random_uuid(), "
          + "gen_random_uuid(), now())", id.value());
      sql(c, """
          insert into invitations (id, workspace_id, email, email_normalised, role, invited_by, created_at, expires_at)
          values (gen_random_uuid(), ?, 'late@example.org', 'late@example.org', 'VIEWER', gen_random_uuid(), now(),
                  now() + interval '7 days')""", id.value());
      sql(c, """
          insert into api_keys (id, workspace_id, name, role, token_hash, created_by, created_at)
          values (gen_random_uuid(), ?, 'Sync', 'VIEWER', md5(random()::text) || md5(random()::text),
                  gen_random_uuid(), now())""", id.value());
    }
    return id;
  }

  /** Cancels the workspace in SQL, due at {@code purgeAt}. */
  private static void cancel(WorkspaceId workspace, Instant purgeAt) throws Exception {
    try (Connection c = db.superuserConnection()) {
      sql(c, "update workspaces set status = 'CANCELLED', cancelled_at = ?, purge_at = ? where id = ?",
          java.sql.Timestamp.from(purgeAt.minus(Duration.ofDays(30))), java.sql.Timestamp.from(purgeAt),
          workspace.value());
    }
  }

  private static void sql(Connection c, String sql, Object... values) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      st.executeUpdate();
    }
  }

  /** Rows naming {@code workspace}, per table with a tenant or workspace column, as the superuser counts them (zeros left out). */
  private static Map<String, Long> rowsNaming(WorkspaceId workspace) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      List<String[]> found = new ArrayList<>();
      try (ResultSet columns = st.executeQuery("select table_name, column_name from information_schema.columns"
          + " where table_schema = 'public' and column_name in ('tenant_id', 'workspace_id') order by 1")) {
        while (columns.next()) {
          found.add(new String[] {columns.getString(1), columns.getString(2)});
        }
      }
      for (String[] table : found) {
        try (ResultSet count = st.executeQuery(
            "select count(*) from " + table[0] + " where " + table[1] + " = '" + workspace.value() + "'")) {
          count.next();
          if (count.getLong(1) > 0) {
            counts.merge(table[0], count.getLong(1), Long::sum);
          }
        }
      }
    }
    return counts;
  }

  /** Every table's row count, as the superuser counts them. */
  private static Map<String, Long> everyTable() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet count = st.executeQuery("select count(*) from " + table)) {
          count.next();
          counts.put(table, count.getLong(1));
        }
      }
    }
    return counts;
  }

  private static String statusOf(WorkspaceId workspace) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select status from workspaces where id = '" + workspace.value() + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The details of the workspace's {@code workspace_purged} entries. */
  private static List<String> purgeEntries(WorkspaceId workspace) throws Exception {
    List<String> entries = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select details, actor_kind from audit_entries where tenant_id = '"
            + workspace.value() + "' and action = 'workspace_purged'")) {
      while (rs.next()) {
        assertThat(rs.getString(2)).isEqualTo("system");
        entries.add(rs.getString(1));
      }
    }
    return entries;
  }

  private static Map<String, Long> deletedOf(RetentionReport report, WorkspaceId workspace) {
    Map<String, Long> tables = new TreeMap<>();
    for (DueRows due : report.rows()) {
      if (due.workspace().equals(Optional.of(workspace))) {
        tables.merge(due.step().table(), due.rows(), Long::sum);
      }
    }
    return tables;
  }

  private static RetentionRun runOf(UUID id) {
    return custodian.retention().recent(1000).stream().filter(run -> run.id().equals(id)).findFirst().orElseThrow();
  }

  private static RetentionEngine engine(JooqPersistence p, RetentionStore store, int batchSize) {
    return new RetentionEngine(p.transactions(), p.workspaces(), p.workspacePurge(), store,
        new ChainedAuditLog(p.auditStore(), MasterKey.of(KEY), clock), clock, IdGenerator.random(),
        DataMap.standard(), batchSize);
  }

  @Test
  @DisplayName("RET-01: with the clock ten years ahead, real runs delete nothing of an ACTIVE workspace: no table's row count changes but the runs' own history and audit")
  void anActiveWorkspaceLosesNothing() throws Exception {
    WorkspaceId active = workspace("Active for good", 200);
    Map<String, Long> before = everyTable();
    Map<String, Long> naming = rowsNaming(active);
    clock.set(START.plus(Duration.ofDays(3653)));
    RetentionReport first = custodian.retention().run();
    RetentionReport second = custodian.retention().run();
    assertThat(first.rows()).noneMatch(due -> due.workspace().equals(Optional.of(active)));
    assertThat(second.total()).isZero();
    Map<String, Long> after = everyTable();
    for (String own : List.of("retention_runs", "retention_run_counts", "platform_audit_entries", "audit_chain_heads")) {
      before.remove(own);
      after.remove(own);
    }
    assertThat(after).isEqualTo(before);
    assertThat(rowsNaming(active)).isEqualTo(naming);
    assertThat(statusOf(active)).isEqualTo("ACTIVE");
  }

  @Test
  @DisplayName("RET-01: a rule expiring CRM data by time cannot be built, and an engine refuses a store whose expiry step names CRM data")
  void timeExpiringCrmDataCannotBeBuilt() {
    assertThatThrownBy(() -> DataClass.impersonal("contact_copy", "Copies", DataCategory.CRM_DATA, "none",
        LegalBasis.CONTRACT, RetentionRule.sinceEvent("creation", Period.ofDays(90)), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RET-01");
    RetentionStore expiringContacts = new ForwardingStore(persistence.retentionStore()) {
      @Override
      public List<RetentionStep> expirySteps() {
        return List.of(new RetentionStep("contacts", "contact"));
      }
    };
    assertThatThrownBy(() -> engine(persistence, expiringContacts, 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("contact");
  }

  /** An import job of {@code workspace} in {@code state}, finished at {@code finishedAt} (or not), with {@code errors} error rows. */
  private static UUID importJob(WorkspaceId workspace, String state, Instant finishedAt, int errors) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection c = db.superuserConnection()) {
      sql(c, """
          insert into import_jobs (tenant_id, id, object, on_duplicate, fields, state, rows_read, created, updated,
                                   skipped, failed, created_at, updated_at, finished_at)
          values (?, ?, 'CONTACTS', 'SKIP', 'email', ?, ?, 0, 0, 0, ?, ?, ?, ?)""",
          workspace.value(), id, state, errors, errors, java.sql.Timestamp.from(START), java.sql.Timestamp.from(START),
          finishedAt == null ? null : java.sql.Timestamp.from(finishedAt));
      sql(c, """
          insert into import_errors (tenant_id, job_id, line, position, field, error)
          select ?, ?, g + 1, 0, 'email', 'must be a valid email address' from generate_series(1, ?) g""",
          workspace.value(), id, errors);
    }
    return id;
  }

  /** The import jobs left, as the superuser sees them. */
  private static Set<UUID> importJobs() throws Exception {
    Set<UUID> jobs = new HashSet<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select id from import_jobs")) {
      while (rs.next()) {
        jobs.add(rs.getObject(1, UUID.class));
      }
    }
    return jobs;
  }

  @Test
  @DisplayName("RET-03: finished imports (completed, failed, cancelled) go with their error rows 30 days after they finished, in batches, workspace by workspace; running and younger ones stay; the data map shows the rule enforced")
  void finishedImportsExpireAfterThirtyDays() throws Exception {
    DataClass importJob = DataMap.standard().find("import_job").orElseThrow();
    assertThat(importJob.rule()).isEqualTo(RetentionRule.sinceEvent("finish", Period.ofDays(30)));
    assertThat(importJob.enforced()).isTrue();
    WorkspaceId a = workspace("Imports A", 0);
    WorkspaceId b = workspace("Imports B", 0);
    UUID completed = importJob(a, "COMPLETED", START, 3);
    UUID failedLater = importJob(a, "FAILED", START.plus(Duration.ofDays(20)), 1);
    UUID running = importJob(a, "RUNNING", null, 0);
    UUID cancelled = importJob(b, "CANCELLED", START, 2);
    Map<String, Long> naming = rowsNaming(a);

    clock.set(START.plus(Duration.ofDays(29)));
    assertThat(custodian.retention().dryRun().totals()).doesNotContainKey("import_job");
    clock.set(START.plus(Duration.ofDays(30)));
    RetentionReport dry = custodian.retention().dryRun();
    assertThat(dry.totals()).containsEntry("import_job", 7L); // 2 jobs and their 5 error rows
    RetentionReport real = engine(persistence, persistence.retentionStore(), 2).run(); // in batches of 2
    assertThat(real.totals()).containsEntry("import_job", 7L);
    assertThat(importJobs()).containsExactlyInAnyOrder(failedLater, running);
    assertThat(rowsNaming(a)).containsEntry("import_errors", 1L).containsEntry("import_jobs", 2L);
    assertThat(naming).containsEntry("import_errors", 4L);
    assertThat(runOf(real.run().orElseThrow()).deleted()).containsEntry("import_job", 7L);

    clock.set(START.plus(Duration.ofDays(50)));
    assertThat(custodian.retention().run().totals()).containsEntry("import_job", 2L);
    assertThat(importJobs()).containsExactly(running);
    assertThat(statusOf(a)).isEqualTo("ACTIVE");
    assertThat(statusOf(b)).isEqualTo("ACTIVE");
    try (Connection c = db.superuserConnection()) {
      sql(c, "delete from import_jobs"); // nothing left for the other tests' clocks to expire
    }
  }

  @Test
  @DisplayName("RET-12: privacy requests' codes go a day after their expiry: the dry run shows them as the platform's privacy_request_code, a run deletes them, younger ones stay; the data map shows the rule enforced")
  void expiredRequestCodesGoADayAfterTheirExpiry() throws Exception {
    DataClass codes = DataMap.standard().find("privacy_request_code").orElseThrow();
    assertThat(codes.rule()).isEqualTo(RetentionRule.sinceEvent("expiry", Period.ofDays(1)));
    assertThat(codes.enforced()).isTrue();
    WorkspaceId a = workspace("Codes A", 0);
    WorkspaceId b = workspace("Codes B", 0);
    try (Connection c = db.superuserConnection()) {
      for (Object[] code : new Object[][] {{a, START}, {a, START.plus(Duration.ofDays(2))}, {b, START}}) {
        UUID request = UUID.randomUUID();
        sql(c, """
            insert into dsr_requests (tenant_id, id, type, email, address_hash, california_request, received_at,
                                      due_at, state, created_at, updated_at, version)
            values (?, ?, 'ERASURE', 'p@example.org', repeat('a', 64), false, ?, ?, 'RECEIVED', ?, ?, 1)""",
            ((WorkspaceId) code[0]).value(), request, java.sql.Timestamp.from(START),
            java.sql.Timestamp.from(START.plus(Duration.ofDays(30))), java.sql.Timestamp.from(START),
            java.sql.Timestamp.from(START));
        sql(c, "insert into dsr_codes (tenant_id, request_id, code_hash, expires_at, failed_attempts)"
            + " values (?, ?, repeat('b', 64), ?, 0)", ((WorkspaceId) code[0]).value(), request,
            java.sql.Timestamp.from((Instant) code[1]));
      }
    }

    clock.set(START.plus(Duration.ofHours(23)));
    assertThat(custodian.retention().dryRun().totals()).as("within a day of their expiry")
        .doesNotContainKey("privacy_request_code");
    clock.set(START.plus(Duration.ofDays(1)));
    RetentionReport dry = custodian.retention().dryRun();
    assertThat(dry.rows()).filteredOn(due -> due.step().dataClass().equals("privacy_request_code"))
        .extracting(DueRows::workspace, DueRows::rows).containsExactly(tuple(Optional.empty(), 2L));
    RetentionReport real = custodian.retention().run();
    assertThat(real.totals()).containsEntry("privacy_request_code", 2L);
    assertThat(runOf(real.run().orElseThrow()).deleted()).containsEntry("privacy_request_code", 2L);
    assertThat(rowsNaming(a)).containsEntry("dsr_codes", 1L);
    assertThat(rowsNaming(b)).doesNotContainKey("dsr_codes");
    assertThat(statusOf(a)).isEqualTo("ACTIVE");
    try (Connection c = db.superuserConnection()) {
      sql(c, "delete from dsr_requests"); // nothing left for the other tests' clocks to expire
    }
  }

  @Test
  @DisplayName("RET-03: a dry run changes no row; its counts, per workspace and class, equal what the next real run deletes; expired mail tokens go too, the others stay")
  void aDryRunPredictsTheNextRun() throws Exception {
    WorkspaceId due = workspace("Dry Ltd", 150);
    cancel(due, START.plus(Duration.ofDays(1)));
    try (Connection c = db.superuserConnection()) {
      sql(c, """
          insert into mail_tokens (token_hash, purpose, account_id, created_at, expires_at)
          select md5(g::text || 'tok') || md5(g::text), 'VERIFY_EMAIL', gen_random_uuid(), ?, ?
            from generate_series(1, 3) g""",
          java.sql.Timestamp.from(START), java.sql.Timestamp.from(START.plus(Duration.ofHours(24))));
      sql(c, "insert into mail_tokens (token_hash, purpose, account_id, created_at, expires_at) values"
          + " (md5('fresh') || md5('fresh'), 'PASSWORD_RESET', gen_random_uuid(), ?, ?)",
          java.sql.Timestamp.from(START), java.sql.Timestamp.from(START.plus(Duration.ofDays(10))));
    }
    clock.set(START.plus(Duration.ofDays(2)));
    Map<String, Long> before = everyTable();
    RetentionReport dry = custodian.retention().dryRun();
    assertThat(everyTable()).as("a dry run changes no row").isEqualTo(before);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.purged()).contains(due);
    assertThat(deletedOf(dry, due)).containsEntry("contacts", 150L).containsEntry("suppression_entries", 15L)
        .containsEntry("memberships", 1L).containsEntry("api_keys", 1L).containsEntry("invitations", 1L);
    assertThat(dry.totals()).containsEntry("mail_token", 3L);

    RetentionReport real = custodian.retention().run();
    assertThat(real.totals()).isEqualTo(dry.totals());
    assertThat(deletedOf(real, due)).isEqualTo(deletedOf(dry, due));
    assertThat(real.purged()).containsExactlyElementsOf(dry.purged());
    assertThat(statusOf(due)).isEqualTo("PURGED");
    assertThat(everyTable()).as("the token not expired yet stays").containsEntry("mail_tokens", 1L);
    try (Connection c = db.superuserConnection()) {
      sql(c, "delete from mail_tokens"); // nothing left for the other tests' clocks to expire
    }
    RetentionRun recorded = runOf(real.run().orElseThrow());
    assertThat(recorded.deleted()).isEqualTo(real.totals());
    assertThat(recorded.finishedAt()).isPresent();
    assertThat(recorded.workspacesPurged()).isEqualTo(1);
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select details from platform_audit_entries where action = 'retention_run'"
            + " and target_id = '" + recorded.id() + "'")) {
      assertThat(rs.next()).as("the run's platform audit entry").isTrue();
      assertThat(rs.getString(1)).contains("count=" + real.total()).contains("count.contact=150")
          .contains("count.mail_token=3");
    }
  }

  @Test
  @DisplayName("RET-03: a run failing after three batches of contacts, then a rerun, leave no due row; the counts of both runs sum to the rows, the audit entry names them all; a third run deletes nothing")
  void aDeadRunIsFinishedByTheNext() throws Exception {
    WorkspaceId due = workspace("Fragile Ltd", 450);
    cancel(due, START.plus(Duration.ofDays(1)));
    Map<String, Long> existed = rowsNaming(due);
    existed.keySet().removeAll(KEPT);
    clock.set(START.plus(Duration.ofDays(2)));
    AtomicInteger batches = new AtomicInteger();
    List<UUID> dead = new ArrayList<>();
    RetentionStore failing = new ForwardingStore(persistence.retentionStore()) {
      @Override
      public void startRun(UUID run, Instant startedAt) {
        dead.add(run);
        super.startRun(run, startedAt);
      }

      @Override
      public long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
        long deleted = super.deleteWorkspaceRows(workspace, step, now, limit);
        if (step.table().equals("contacts") && batches.incrementAndGet() > 3) {
          throw new IllegalStateException("injected after three batches"); // this fourth one is rolled back
        }
        return deleted;
      }
    };
    assertThatThrownBy(() -> engine(persistence, failing, 100).run()).hasMessageContaining("injected");
    assertThat(statusOf(due)).isEqualTo("CANCELLED");
    assertThat(rowsNaming(due).getOrDefault("contacts", 0L)).as("three batches went").isEqualTo(450L - 300L);

    RetentionReport rerun = engine(persistence, persistence.retentionStore(), 100).run();
    assertThat(rerun.purged()).containsExactly(due);
    Map<String, Long> left = rowsNaming(due);
    left.keySet().removeAll(KEPT);
    assertThat(left).as("rows naming the workspace after the rerun").isEmpty();

    List<RetentionRun> runs = List.of(runOf(rerun.run().orElseThrow()), runOf(dead.get(0)));
    assertThat(runs.get(1).finishedAt()).as("the dead run").isEmpty();
    assertThat(runs.get(1).deleted()).containsEntry("contact", 300L);
    long existedRows = existed.values().stream().mapToLong(Long::longValue).sum() - existed.getOrDefault("workspaces", 0L);
    assertThat(runs.get(0).total() + runs.get(1).total()).isEqualTo(existedRows);
    assertThat(runs.get(0).deleted().get("contact") + runs.get(1).deleted().get("contact")).isEqualTo(450L);
    List<String> entries = purgeEntries(due);
    assertThat(entries).hasSize(1);
    for (Map.Entry<String, Long> table : existed.entrySet()) {
      if (!table.getKey().equals("workspaces")) {
        assertThat(entries.get(0)).contains("count." + table.getKey() + "=" + table.getValue());
      }
    }
    assertThat(custodian.retention().run().total()).as("a third run").isZero();
  }

  @Test
  @DisplayName("RET-03: two engines started together on one database's due data delete every row once: counts add up, one PURGED transition and one audit entry per workspace, no deadlock")
  void twoEnginesShareTheWork() throws Exception {
    List<WorkspaceId> due = new ArrayList<>();
    long rows = 0;
    for (int i = 0; i < 4; i++) {
      WorkspaceId w = workspace("Shared " + i, 300);
      cancel(w, START.plus(Duration.ofDays(1)));
      due.add(w);
      Map<String, Long> existed = rowsNaming(w);
      existed.keySet().removeAll(KEPT);
      existed.remove("workspaces");
      rows += existed.values().stream().mapToLong(Long::longValue).sum();
    }
    clock.set(START.plus(Duration.ofDays(2)));
    JooqPersistence one = JooqPersistence.create(db.pool("crm_app", db.appPassword(), 2));
    JooqPersistence two = JooqPersistence.create(db.pool("crm_app", db.appPassword(), 2));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<RetentionReport>> runs = new ArrayList<>();
      for (JooqPersistence p : List.of(one, two)) {
        runs.add(threads.submit(() -> {
          go.await();
          return engine(p, p.retentionStore(), 50).run();
        }));
      }
      go.countDown();
      RetentionReport a = runs.get(0).get(60, TimeUnit.SECONDS);
      RetentionReport b = runs.get(1).get(60, TimeUnit.SECONDS);
      assertThat(a.total() + b.total()).as("every row deleted once").isEqualTo(rows);
      Set<WorkspaceId> purged = new HashSet<>(a.purged());
      assertThat(b.purged()).allSatisfy(w -> assertThat(purged.add(w)).as("purged by one engine").isTrue());
      assertThat(purged).containsExactlyInAnyOrderElementsOf(due);
    } finally {
      threads.shutdownNow();
    }
    for (WorkspaceId w : due) {
      assertThat(statusOf(w)).isEqualTo("PURGED");
      assertThat(purgeEntries(w)).hasSize(1);
      Map<String, Long> left = rowsNaming(w);
      left.keySet().removeAll(KEPT);
      assertThat(left).isEmpty();
    }
  }

  @Test
  @DisplayName("TEN-03: batches run under the tenant's row-level security: an executor that forgets its tenant filter deletes nothing of another workspace")
  void anExecutorWithoutItsTenantFilterStaysInItsTenant() throws Exception {
    WorkspaceId due = workspace("Leaving Ltd", 120);
    WorkspaceId other = workspace("Staying Ltd", 80);
    cancel(due, START.plus(Duration.ofDays(1)));
    Map<String, Long> otherBefore = rowsNaming(other);
    clock.set(START.plus(Duration.ofDays(2)));
    RetentionStore careless = new ForwardingStore(persistence.retentionStore()) {
      @Override
      public long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
        if (!step.table().equals("contacts")) {
          return super.deleteWorkspaceRows(workspace, step, now, limit);
        }
        // no tenant filter: only row-level security keeps it to the bound workspace
        return persistence.transactions().dsl().execute(
            "delete from contacts where ctid = any(array(select ctid from contacts limit " + limit + "))");
      }
    };
    RetentionReport report = engine(persistence, careless, 50).run();
    assertThat(report.purged()).containsExactly(due);
    assertThat(deletedOf(report, due)).containsEntry("contacts", 120L);
    assertThat(rowsNaming(other)).isEqualTo(otherBefore);
  }

  @Test
  @DisplayName("RET-03, RET-11: a cancelled workspace of 10,000 contacts: a run a minute before purgeAt deletes nothing; after it only closed-list tables name it, PURGED with its slug free, another untouched, the audited counts equal the rows")
  void aSizableWorkspaceIsPurged() throws Exception {
    WorkspaceId big = workspace("Big Ltd", 10_000);
    WorkspaceId other = workspace("Bystander Ltd", 50);
    Instant purgeAt = START.plus(Duration.ofDays(30));
    cancel(big, purgeAt);
    Map<String, Long> existed = rowsNaming(big);
    Map<String, Long> otherBefore = rowsNaming(other);
    assertThat(existed).containsEntry("contacts", 10_000L).containsEntry("suppression_entries", 1_000L);

    clock.set(purgeAt.minus(Duration.ofMinutes(1)));
    assertThat(custodian.retention().run().total()).isZero();
    assertThat(rowsNaming(big)).isEqualTo(existed);

    clock.set(purgeAt.plus(Duration.ofMinutes(1)));
    long started = System.nanoTime();
    RetentionReport report = custodian.retention().run();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(report.purged()).containsExactly(big);
    Map<String, Long> left = rowsNaming(big);
    left.keySet().removeAll(KEPT);
    assertThat(left).as("rows naming it outside the closed list (its tombstone is keyed by id)").isEmpty();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select status, name, slug from workspaces where id = '" + big.value() + "'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("PURGED");
      assertThat(rs.getString(2)).isNull();
      assertThat(rs.getString(3)).isNull();
    }
    assertThat(rowsNaming(other)).isEqualTo(otherBefore);
    List<String> entries = purgeEntries(big);
    assertThat(entries).hasSize(1);
    for (Map.Entry<String, Long> table : existed.entrySet()) {
      if (!table.getKey().equals("workspaces") && !KEPT.contains(table.getKey())) {
        assertThat(entries.get(0)).as("the audited count of %s", table.getKey())
            .contains("count." + table.getKey() + "=" + table.getValue());
        assertThat(deletedOf(report, big)).containsEntry(table.getKey(), table.getValue());
      }
    }
  }

  /** A data-subject package of the workspace, with two chunks, expiring at {@code expiresAt}. */
  private static UUID subjectPackage(WorkspaceId workspace, Instant expiresAt) {
    UUID id = UUID.randomUUID();
    persistence.transactions().inWorkspace(workspace, () -> {
      persistence.packageStore().create(workspace, id, UUID.randomUUID(), START.minus(Duration.ofDays(1)), expiresAt);
      persistence.packageStore().appendChunk(workspace, id, 0, new byte[] {1});
      persistence.packageStore().appendChunk(workspace, id, 1, new byte[] {2});
      return null;
    });
    return id;
  }

  /** The workspace's packages and their chunks, as the superuser. */
  private static long packageRows(WorkspaceId workspace) throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select (select count(*) from dsr_packages where workspace_id = '"
            + workspace.value() + "') + (select count(*) from dsr_package_chunks where tenant_id = '"
            + workspace.value() + "')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The workspace's {@code subject_package_deleted} entries: target id, then details. */
  private static Map<UUID, String> packageEntries(WorkspaceId workspace) throws Exception {
    Map<UUID, String> entries = new TreeMap<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select target_id, details, actor_kind, target_type from audit_entries"
            + " where tenant_id = '" + workspace.value() + "' and action = 'subject_package_deleted'")) {
      while (rs.next()) {
        assertThat(rs.getString(3)).isEqualTo("system");
        assertThat(rs.getString(4)).isEqualTo("subject_package");
        entries.put(rs.getObject(1, UUID.class), rs.getString(2));
      }
    }
    return entries;
  }

  @Test
  @DisplayName("DSR-01, RET-12: each expired package goes with a subject_package_deleted entry (SYSTEM, reason EXPIRED) on its own workspace's chain, in the delete's transaction; a fault after the entry rolls back both; the chains verify")
  void expiredPackagesAreAuditedOnTheirWorkspacesChains() throws Exception {
    try {
      packagesAreAudited();
    } finally {
      try (Connection conn = db.superuserConnection()) {
        sql(conn, "delete from dsr_package_chunks"); // nothing left for the other tests' clocks to expire
        sql(conn, "delete from dsr_packages");
      }
    }
  }

  private void packagesAreAudited() throws Exception {
    WorkspaceId a = workspace("Packages A", 0);
    WorkspaceId b = workspace("Packages B", 0);
    WorkspaceId c = workspace("Packages C", 0);
    UUID first = subjectPackage(a, START.plus(Duration.ofDays(1)));
    UUID second = subjectPackage(a, START.plus(Duration.ofDays(2)));
    UUID ofB = subjectPackage(b, START.plus(Duration.ofDays(1)));
    subjectPackage(c, START.plus(Duration.ofDays(30)));
    clock.set(START.plus(Duration.ofDays(3)));
    RetentionReport dry = custodian.retention().dryRun();
    assertThat(dry.totals()).containsEntry("subject_package", 3L);
    assertThat(deletedOf(dry, a)).containsEntry("dsr_packages", 2L);
    assertThat(deletedOf(dry, b)).containsEntry("dsr_packages", 1L);

    // a fault after a workspace's first entry: its delete and entry roll back together
    ChainedAuditLog chained = new ChainedAuditLog(persistence.auditStore(), MasterKey.of(KEY), clock);
    AuditLog faulty = (AuditLog) Proxy.newProxyInstance(AuditLog.class.getClassLoader(), new Class<?>[] {AuditLog.class},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(chained, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("append") && args[1] instanceof AuditEvent event
              && event.action() == AuditAction.SUBJECT_PACKAGE_DELETED) {
            throw new IllegalStateException("injected after the entry");
          }
          return result;
        });
    RetentionEngine failing = new RetentionEngine(persistence.transactions(), persistence.workspaces(),
        persistence.workspacePurge(), persistence.retentionStore(), faulty, clock, IdGenerator.random(),
        DataMap.standard(), 100);
    assertThatThrownBy(failing::run).hasMessageContaining("injected");
    assertThat(packageRows(a)).as("a's packages and chunks, rolled back").isEqualTo(6L);
    assertThat(packageRows(b)).isEqualTo(3L);
    assertThat(packageEntries(a)).as("no entry without its delete").isEmpty();
    assertThat(packageEntries(b)).isEmpty();

    RetentionReport report = engine(persistence, persistence.retentionStore(), 1).run(); // in batches of 1
    assertThat(report.totals()).containsEntry("subject_package", 3L);
    assertThat(deletedOf(report, a)).containsEntry("dsr_packages", 2L);
    assertThat(deletedOf(report, b)).containsEntry("dsr_packages", 1L);
    assertThat(runOf(report.run().orElseThrow()).deleted()).containsEntry("subject_package", 3L);
    assertThat(packageRows(a)).isZero();
    assertThat(packageRows(b)).isZero();
    assertThat(packageRows(c)).as("not expired yet").isEqualTo(3L);
    assertThat(packageEntries(a)).containsOnlyKeys(first, second)
        .allSatisfy((id, details) -> assertThat(details).contains("reason=EXPIRED"));
    assertThat(packageEntries(b)).containsOnlyKeys(ofB);
    assertThat(packageEntries(c)).as("another workspace's trail").isEmpty();
    for (WorkspaceId workspace : List.of(a, b, c)) {
      assertThat(persistence.transactions().inWorkspace(workspace, () -> chained.verify(AuditChain.of(workspace)))
          .valid()).as("the chain verifies").isTrue();
    }
    assertThat(custodian.retention().run().totals()).as("a second run").doesNotContainKey("subject_package");
  }

  /** A store handing every call to another (a test overrides what it changes). */
  private static class ForwardingStore implements RetentionStore {

    private final RetentionStore store;

    ForwardingStore(RetentionStore store) {
      this.store = store;
    }

    @Override
    public List<RetentionStep> workspaceSteps() {
      return store.workspaceSteps();
    }

    @Override
    public List<RetentionStep> expirySteps() {
      return store.expirySteps();
    }

    @Override
    public List<RetentionStep> workspaceExpirySteps() {
      return store.workspaceExpirySteps();
    }

    @Override
    public Map<WorkspaceId, Long> expiredByWorkspace(RetentionStep step, Instant now, int limit) {
      return store.expiredByWorkspace(step, now, limit);
    }

    @Override
    public List<UUID> deleteExpired(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
      return store.deleteExpired(workspace, step, now, limit);
    }

    @Override
    public long countWorkspaceRows(WorkspaceId workspace, RetentionStep step) {
      return store.countWorkspaceRows(workspace, step);
    }

    @Override
    public long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
      return store.deleteWorkspaceRows(workspace, step, now, limit);
    }

    @Override
    public long countExpired(RetentionStep step, Instant now) {
      return store.countExpired(step, now);
    }

    @Override
    public long deleteExpired(RetentionStep step, Instant now, int limit) {
      return store.deleteExpired(step, now, limit);
    }

    @Override
    public void addProgress(WorkspaceId workspace, String table, long rows) {
      store.addProgress(workspace, table, rows);
    }

    @Override
    public Map<String, Long> progress(WorkspaceId workspace) {
      return store.progress(workspace);
    }

    @Override
    public void startRun(UUID run, Instant startedAt) {
      store.startRun(run, startedAt);
    }

    @Override
    public void recordBatch(UUID run, String dataClass, long rows) {
      store.recordBatch(run, dataClass, rows);
    }

    @Override
    public void finishRun(UUID run, Instant finishedAt, int workspacesPurged) {
      store.finishRun(run, finishedAt, workspacesPurged);
    }

    @Override
    public List<RetentionRun> runs(int limit) {
      return store.runs(limit);
    }
  }
}
