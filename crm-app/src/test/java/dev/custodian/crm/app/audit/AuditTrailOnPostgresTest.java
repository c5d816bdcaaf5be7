package dev.custodian.crm.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.audit.ClientInfo;
import dev.custodian.crm.core.audit.PersonalFields;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseTimeouts;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.audit.ChainedAuditLog;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit trail on real PostgreSQL, through the ports: the grants and triggers that keep its
 * entries append-only, tampering a superuser can do and verification names, concurrent appends,
 * and atomicity with the audited action (SEC-09, RET-08).
 */
class AuditTrailOnPostgresTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final byte[] KEY = new byte[32];
  private static JooqPersistence persistence;
  private static ChainedAuditLog log;
  private static final UUID ADA = UUID.randomUUID();

  @BeforeAll
  static void setUp() {
    new SecureRandom().nextBytes(KEY);
    persistence = db.persistence();
    log = new ChainedAuditLog(persistence.auditStore(), MasterKey.of(KEY), Clock.systemUTC());
  }

  private static AuditEvent event(int i) {
    return new AuditEvent(AuditActor.account(ADA), AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
        Optional.of(UUID.randomUUID()), AuditOutcome.SUCCEEDED, AuditDetails.none().withCount(AuditDetails.Key.COUNT, i),
        PersonalFields.of("ada-" + i + "@example.org", ClientInfo.of("192.0.2." + (i % 250), "Agent/" + i)));
  }

  private static WorkspaceId chainOf(int entries) {
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());
    for (int i = 1; i <= entries; i++) {
      int n = i;
      persistence.transactions().inWorkspace(workspace, () -> log.append(AuditChain.of(workspace), event(n)));
    }
    return workspace;
  }

  private static AuditVerification verify(WorkspaceId workspace) {
    return persistence.transactions().inWorkspace(workspace, () -> log.verify(AuditChain.of(workspace)));
  }

  /** Runs {@code sql} as the superuser with triggers off (as a replica applies changes), each {@code ?} the workspace. */
  private static void tamper(WorkspaceId workspace, String... statements) throws SQLException {
    try (Connection c = db.superuserConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute("set session_replication_role = replica");
      }
      for (String sql : statements) {
        try (PreparedStatement st = c.prepareStatement(sql)) {
          for (int i = 1; i <= st.getParameterMetaData().getParameterCount(); i++) {
            st.setObject(i, workspace.value());
          }
          st.executeUpdate();
        }
      }
    }
  }

  @Test
  @DisplayName("SEC-09: as crm_app, UPDATE, DELETE and TRUNCATE on the audit tables fail for want of the privilege (42501)")
  void theApplicationRoleCannotChangeEntries() throws Exception {
    chainOf(1);
    List<String> statements = new ArrayList<>();
    for (String table : List.of("audit_entries", "platform_audit_entries")) {
      statements.add("update " + table + " set outcome = 'failed'");
      statements.add("delete from " + table);
      statements.add("truncate " + table);
    }
    statements.add("truncate audit_chain_heads");
    statements.add("delete from audit_chain_heads");
    assertThat(db.sqlStatesAsApp(statements.toArray(String[]::new))).containsOnly("42501");
  }

  @Test
  @DisplayName("SEC-09: as crm_owner, the triggers refuse UPDATE, DELETE and TRUNCATE of entries, and a head moved back")
  void theOwnersChangesAreRefusedByTheTriggers() throws Exception {
    WorkspaceId workspace = chainOf(2);
    persistence.transactions().inPlatform(() -> log.append(AuditChain.platform(),
        AuditEvent.of(AuditActor.system(), AuditAction.WORKSPACE_CREATED, AuditTargetType.WORKSPACE,
            workspace.value(), AuditDetails.none())));
    try (var owner = db.pool("crm_owner", db.ownerPassword(), 1); Connection c = owner.getConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute("select set_config('crm.tenant_id', '" + workspace.value() + "', false)");
      }
      for (String sql : List.of(
          "update audit_entries set outcome = 'failed'",
          "delete from audit_entries",
          "truncate audit_entries",
          "update platform_audit_entries set outcome = 'failed'",
          "delete from platform_audit_entries",
          "truncate platform_audit_entries",
          "update audit_chain_heads set sequence = 1 where chain_id = '" + workspace.value() + "'",
          "delete from audit_chain_heads",
          "truncate audit_chain_heads")) {
        assertThatThrownBy(() -> {
          try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
          }
        }).as(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0001"));
      }
    }
    assertThat(verify(workspace).valid()).isTrue();
  }

  @Test
  @DisplayName("SEC-09: an untouched chain of 50 verifies (positive control)")
  void anUntouchedChainVerifies() {
    WorkspaceId workspace = chainOf(50);
    AuditVerification result = verify(workspace);
    assertThat(result.valid()).isTrue();
    assertThat(result.entries()).isEqualTo(50);
  }

  @Test
  @DisplayName("SEC-09: a field of entry 17 changed by a superuser is named: entry 17, content changed")
  void aChangedFieldIsFound() throws Exception {
    WorkspaceId workspace = chainOf(50);
    tamper(workspace, "update audit_entries set outcome = 'failed' where tenant_id = ? and sequence = 17");
    assertThat(verify(workspace).firstBreak()).contains(
        new AuditVerification.Break(17, AuditVerification.BreakKind.CONTENT_CHANGED));
  }

  @Test
  @DisplayName("SEC-09: an action of entry 17 changed to one the application does not know is named: entry 17, content changed")
  void anUnreadableEntryIsFound() throws Exception {
    WorkspaceId workspace = chainOf(50);
    tamper(workspace, "update audit_entries set action = 'nothing_happened', previous_hash = 'zz' "
        + "where tenant_id = ? and sequence = 17");
    assertThat(verify(workspace).firstBreak()).contains(
        new AuditVerification.Break(17, AuditVerification.BreakKind.CONTENT_CHANGED));
  }

  @Test
  @DisplayName("SEC-09: a ciphertext of entry 17 changed by a superuser is named: entry 17, content changed")
  void aChangedCiphertextIsFound() throws Exception {
    WorkspaceId workspace = chainOf(50);
    tamper(workspace, "update audit_entries set ip_ct = (select ip_ct from audit_entries where tenant_id = ? "
        + "and sequence = 3) where tenant_id = ? and sequence = 17");
    assertThat(verify(workspace).firstBreak()).contains(
        new AuditVerification.Break(17, AuditVerification.BreakKind.CONTENT_CHANGED));
  }

  @Test
  @DisplayName("SEC-09: entry 17 deleted by a superuser is named: entry 17, gap")
  void aDeletedEntryIsFound() throws Exception {
    WorkspaceId workspace = chainOf(50);
    tamper(workspace, "delete from audit_entries where tenant_id = ? and sequence = 17");
    assertThat(verify(workspace).firstBreak()).contains(
        new AuditVerification.Break(17, AuditVerification.BreakKind.GAP));
  }

  @Test
  @DisplayName("SEC-09: entries 17 and 18 swapped by a superuser are named: entry 17, link broken")
  void swappedEntriesAreFound() throws Exception {
    WorkspaceId workspace = chainOf(50);
    tamper(workspace,
        "update audit_entries set sequence = 1000017 where tenant_id = ? and sequence = 17",
        "update audit_entries set sequence = 17 where tenant_id = ? and sequence = 18",
        "update audit_entries set sequence = 18 where tenant_id = ? and sequence = 1000017");
    assertThat(verify(workspace).firstBreak()).contains(
        new AuditVerification.Break(17, AuditVerification.BreakKind.LINK_BROKEN));
  }

  @Test
  @DisplayName("SEC-09: the newest three deleted by a superuser are named: the head, head mismatch")
  void theNewestDeletedAreFound() throws Exception {
    WorkspaceId workspace = chainOf(50);
    tamper(workspace, "delete from audit_entries where tenant_id = ? and sequence > 47");
    AuditVerification result = verify(workspace);
    assertThat(result.firstBreak()).contains(
        new AuditVerification.Break(50, AuditVerification.BreakKind.HEAD_MISMATCH));
    assertThat(result.entries()).isEqualTo(47);
  }

  @Test
  @DisplayName("SEC-09: sixteen threads appending 100 entries each to one workspace make one chain of 1,600, no gap, no fork")
  void concurrentAppendsMakeOneChain() throws Exception {
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());
    // A connection per thread, so that the threads wait on the chain's head, never on the pool, and
    // time enough for a loaded machine (the test is about order, not speed).
    HikariDataSource connections = PostgresDataSources.pooled(db.jdbcUrl(), "crm_app", db.appPassword(), 16,
        "audit-appenders", DatabaseTimeouts.of(Duration.ofSeconds(60)));
    JooqPersistence own = JooqPersistence.create(connections);
    ChainedAuditLog log = new ChainedAuditLog(own.auditStore(), MasterKey.of(KEY), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            own.transactions().inWorkspace(workspace, () -> log.append(AuditChain.of(workspace),
                AuditEvent.of(AuditActor.system(), AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
                    UUID.randomUUID(), AuditDetails.none())));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
      connections.close();
    }
    AuditVerification result = verify(workspace);
    assertThat(result.firstBreak()).isEmpty();
    assertThat(result.entries()).isEqualTo(1600);
  }

  @Test
  @DisplayName("SEC-09: an action failing after its append leaves no entry, and the chain goes on from where it was")
  void aRolledBackActionLeavesNoEntry() {
    WorkspaceId workspace = chainOf(3);
    assertThatThrownBy(() -> persistence.transactions().inWorkspace(workspace, () -> {
      log.append(AuditChain.of(workspace), event(4));
      throw new IllegalStateException("the action fails after its append");
    })).isInstanceOf(IllegalStateException.class);
    persistence.transactions().inWorkspace(workspace, () -> log.append(AuditChain.of(workspace), event(5)));
    AuditVerification result = verify(workspace);
    assertThat(result.valid()).isTrue();
    assertThat(result.entries()).isEqualTo(4);
  }

  @Test
  @DisplayName("SEC-09: a failure injected into the audit insert makes the erasure fail: the contact stays, no suppression entry")
  void aFailingAuditInsertFailsTheErasure() throws Exception {
    Custodian custodian = Custodian.builder().persistence(persistence).keys(MasterKey.of(KEY)).build();
    Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));
    Workspace workspace = custodian.workspaces().create().create(owner, CreateWorkspaceCommand.named("Atomic"));
    Contact contact = custodian.contacts().create().create(owner, CreateContactCommand.builder(workspace.id())
        .firstName("Ada").lastName("Lovelace").email("ada.atomic@example.org").build());
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("create function test_fail_audit() returns trigger language plpgsql as "
          + "$$ begin raise exception 'injected'; end $$");
      st.execute("create trigger test_fail_audit before insert on audit_entries for each row "
          + "when (new.action = 'contact_erased') execute function test_fail_audit()");
    }
    try {
      assertThatThrownBy(() -> custodian.erasure().erase().erase(owner, workspace.id(), contact.id()))
          .isInstanceOf(RuntimeException.class);
    } finally {
      try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
        st.execute("drop trigger test_fail_audit on audit_entries");
        st.execute("drop function test_fail_audit()");
      }
    }
    assertThat(custodian.contacts().get().get(owner, workspace.id(), contact.id())).isEqualTo(contact);
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("select count(*) from suppression_entries where tenant_id = ?")) {
      st.setObject(1, workspace.id().value());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  @DisplayName("RET-08: a forgotten subject's entries read as erased, no table holds the wrapped key, and the chain still verifies")
  void aForgottenSubjectReadsAsErased() throws Exception {
    WorkspaceId workspace = WorkspaceId.of(UUID.randomUUID());
    UUID grace = UUID.randomUUID();
    String email = "grace-" + UUID.randomUUID() + "@example.org";
    String ip = "198.51.100.77";
    persistence.transactions().inWorkspace(workspace, () -> log.append(AuditChain.of(workspace),
        new AuditEvent(AuditActor.account(grace), AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
            Optional.of(UUID.randomUUID()), AuditOutcome.SUCCEEDED, AuditDetails.none(),
            PersonalFields.of(email, ClientInfo.of(ip, "Grace's browser")))));
    List<AuditEntry> before = persistence.transactions().inWorkspace(workspace,
        () -> log.newestFirst(AuditChain.of(workspace), AuditFilter.all(), OptionalLong.empty(), 10));
    assertThat(before.get(0).personal().email()).contains(email);
    assertThat(before.get(0).personal().ip()).contains(ip);
    String wrapped;
    try (Connection c = db.superuserConnection();
        PreparedStatement st = c.prepareStatement("select wrapped_key from audit_subject_keys where subject_id = ?")) {
      st.setObject(1, grace);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        wrapped = rs.getString(1);
      }
    }

    assertThat(persistence.transactions().inPlatform(() -> log.forget(grace))).isTrue();

    AuditEntry after = persistence.transactions().inWorkspace(workspace,
        () -> log.newestFirst(AuditChain.of(workspace), AuditFilter.all(), OptionalLong.empty(), 10)).get(0);
    assertThat(after.personal().erased()).isTrue();
    assertThat(after.personal().email()).isEmpty();
    assertThat(verify(workspace).valid()).isTrue();
    assertThat(everyRow()).noneMatch(row -> row.contains(email) || row.contains(ip) || row.contains(wrapped));
  }

  /** Every row of every table, as text, as the superuser reads it. */
  private static List<String> everyRow() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select schemaname || '.' || tablename from pg_tables "
          + "where schemaname not in ('pg_catalog', 'information_schema')")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("select t::text from " + table + " t")) {
          while (rs.next()) {
            rows.add(rs.getString(1));
          }
        }
      }
    }
    return rows;
  }
}
