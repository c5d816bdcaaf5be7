package dev.custodian.crm.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.RecordingAuditLog;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.core.retention.DueRows;
import dev.custodian.crm.core.retention.RetentionReport;
import dev.custodian.crm.core.retention.RetentionRun;
import dev.custodian.crm.core.retention.RetentionStep;
import dev.custodian.crm.core.retention.port.out.RetentionStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retention engine over the in-memory ports and a counting store, on a clock the test moves. */
class RetentionEngineTest {

  private static final RetentionStep CONTACTS = new RetentionStep("contacts", "contact");
  private static final RetentionStep MEMBERS = new RetentionStep("memberships", "membership");
  private static final RetentionStep TOKENS = new RetentionStep("mail_tokens", "mail_token");
  private static final RetentionStep PACKAGES = new RetentionStep("dsr_packages", "subject_package")
      .audited(AuditAction.SUBJECT_PACKAGE_DELETED, AuditTargetType.SUBJECT_PACKAGE);

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final CountingStore store = new CountingStore();
  private final List<WorkspaceId> purgeCalls = new ArrayList<>();
  private final WorkspacePurge purge = (workspace, now) -> {
    purgeCalls.add(workspace);
    return Map.of("contacts", 0L, "memberships", 0L);
  };
  private final WorkspaceUseCases workspaces = WorkspaceServices.create(ports.transactions(),
      TestGates.workspaceTransactions(ports, clock), ports.workspaces(), ports.memberships(), IdGenerator.random(),
      clock, List.of(), cancelled -> {}, (account, password, ip) -> password.wipe(), purge);
  private final Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));

  private RetentionEngine engine(RetentionStore with, int batchSize) {
    return new RetentionEngine(ports.transactions(), ports.workspaces(), purge, with, audit, clock,
        IdGenerator.random(), DataMap.standard(), batchSize);
  }

  @Test
  @DisplayName("RET-03: a due workspace is deleted in batches, each in its own transaction, then purged once: audited as SYSTEM with every row, the run on the platform chain")
  void aDueWorkspaceGoesInBatches() {
    Workspace leaving = workspaces.create().create(owner, CreateWorkspaceCommand.named("Leaving Ltd"));
    workspaces.cancel().cancel(owner, leaving.id());
    store.rows.put(key(leaving.id(), CONTACTS), 2_500L);
    store.rows.put(key(leaving.id(), MEMBERS), 1L);
    store.expired = 3;
    clock.advance(Duration.ofDays(31));

    RetentionReport dry = engine(store, 1000).dryRun();
    assertThat(store.deletes).isZero();
    RetentionReport report = engine(store, 1000).run();

    assertThat(report.totals()).isEqualTo(dry.totals()).hasSize(3).containsEntry("contact", 2_500L)
        .containsEntry("membership", 1L).containsEntry("mail_token", 3L);
    assertThat(store.deletes).as("3 batches of contacts, 1 of members, 1 of tokens").isEqualTo(5);
    assertThat(purgeCalls).containsExactly(leaving.id());
    assertThat(report.purged()).containsExactly(leaving.id());
    List<AuditEvent> chain = audit.events(AuditChain.of(leaving.id()));
    assertThat(chain).extracting(AuditEvent::action).containsExactly(AuditAction.WORKSPACE_PURGED);
    assertThat(chain.get(0).actor()).isEqualTo(AuditActor.system());
    assertThat(chain.get(0).details().values()).containsEntry("count.contacts", "2500")
        .containsEntry("count.memberships", "1").containsEntry("count", "2501");
    List<AuditEvent> platform = audit.events(AuditChain.platform());
    assertThat(platform).extracting(AuditEvent::action).containsExactly(AuditAction.RETENTION_RUN);
    assertThat(platform.get(0).details().values()).containsEntry("count.contact", "2500")
        .containsEntry("count.mail_token", "3").containsEntry("count", "2504");
    assertThat(store.runs.get(report.run().orElseThrow())).containsEntry("contact", 2_500L);
    assertThat(engine(store, 1000).run().total()).as("a second run").isZero();
  }

  @Test
  @DisplayName("DSR-01, RET-12: expired packages go workspace by workspace, each batch in its workspace's transaction with a subject_package_deleted entry (SYSTEM, reason EXPIRED) per package on that workspace's chain only")
  void expiredPackagesAreAuditedOnTheirWorkspacesChains() {
    Workspace a = workspaces.create().create(owner, CreateWorkspaceCommand.named("Packages A"));
    Workspace b = workspaces.create().create(owner, CreateWorkspaceCommand.named("Packages B"));
    Workspace c = workspaces.create().create(owner, CreateWorkspaceCommand.named("Packages C"));
    List<UUID> ofA = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    UUID ofB = UUID.randomUUID();
    store.packages.put(a.id(), new ArrayList<>(ofA));
    store.packages.put(b.id(), new ArrayList<>(List.of(ofB)));
    store.expired = 0;

    RetentionReport dry = engine(store, 2).dryRun();
    assertThat(dry.rows()).filteredOn(due -> due.step().equals(PACKAGES))
        .extracting(due -> due.workspace().orElseThrow(), DueRows::rows)
        .containsExactlyInAnyOrder(tuple(a.id(), 3L), tuple(b.id(), 1L));
    RetentionReport report = engine(store, 2).run();

    assertThat(report.totals()).isEqualTo(dry.totals()).containsEntry("subject_package", 4L);
    assertThat(store.deletes).as("2 batches of a's, 1 of b's").isEqualTo(3);
    List<AuditEvent> chainOfA = audit.events(AuditChain.of(a.id()));
    assertThat(chainOfA).extracting(AuditEvent::action).containsOnly(AuditAction.SUBJECT_PACKAGE_DELETED);
    assertThat(chainOfA).extracting(event -> event.targetId().orElseThrow()).containsExactlyElementsOf(ofA);
    assertThat(chainOfA).allSatisfy(event -> {
      assertThat(event.actor()).isEqualTo(AuditActor.system());
      assertThat(event.targetType()).isEqualTo(AuditTargetType.SUBJECT_PACKAGE);
      assertThat(event.details().values()).containsEntry("reason", "EXPIRED");
    });
    assertThat(audit.events(AuditChain.of(b.id()))).extracting(event -> event.targetId().orElseThrow())
        .containsExactly(ofB);
    assertThat(audit.events(AuditChain.of(c.id()))).isEmpty();
    assertThat(store.runs.get(report.run().orElseThrow())).containsEntry("subject_package", 4L);
    assertThat(engine(store, 2).run().total()).as("a second run").isZero();
  }

  @Test
  @DisplayName("RET-12: the data map lets privacy requests' codes expire by their own time: the engine takes dsr_codes as an expiry step and as a workspace step, the dry run shows the platform's expired codes and a run deletes them as privacy_request_code")
  void requestCodesExpireAsTheirOwnClass() {
    RetentionStep codes = new RetentionStep("dsr_codes", "privacy_request_code");
    CountingStore withCodes = store.with(List.of(CONTACTS, codes), List.of(codes));
    withCodes.expired = 2;

    RetentionReport dry = engine(withCodes, 10).dryRun();
    assertThat(dry.rows()).filteredOn(due -> due.step().equals(codes)).extracting(DueRows::workspace)
        .containsExactly(Optional.empty());
    RetentionReport report = engine(withCodes, 10).run();

    assertThat(report.totals()).containsEntry("privacy_request_code", 2L);
    assertThat(withCodes.runs.get(report.run().orElseThrow())).containsEntry("privacy_request_code", 2L);
    assertThat(audit.events(AuditChain.platform())).extracting(AuditEvent::action)
        .containsExactly(AuditAction.RETENTION_RUN);
  }

  @Test
  @DisplayName("RET-12: a workspace expiry step declaring no audit entry goes workspace by workspace too, counted in the run, appending nothing to the workspace's chain")
  void aWorkspaceExpiryStepWithoutAnAuditEntryAppendsNone() {
    Workspace a = workspaces.create().create(owner, CreateWorkspaceCommand.named("Quiet A"));
    RetentionStep quiet = new RetentionStep("dsr_packages", "subject_package");
    store.workspaceExpirySteps = List.of(quiet);
    store.packages.put(a.id(), new ArrayList<>(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())));
    store.expired = 0;

    RetentionReport report = engine(store, 2).run();

    assertThat(report.rows()).filteredOn(due -> due.step().equals(quiet))
        .extracting(due -> due.workspace().orElseThrow(), DueRows::rows).containsExactly(tuple(a.id(), 3L));
    assertThat(store.deletes).as("2 batches").isEqualTo(2);
    assertThat(audit.events(AuditChain.of(a.id()))).isEmpty();
    assertThat(store.runs.get(report.run().orElseThrow())).containsEntry("subject_package", 3L);
  }

  @Test
  @DisplayName("RET-01: with the clock ten years ahead, a run deletes nothing of an ACTIVE workspace")
  void anActiveWorkspaceIsNeverTouched() {
    Workspace staying = workspaces.create().create(owner, CreateWorkspaceCommand.named("Staying Ltd"));
    store.rows.put(key(staying.id(), CONTACTS), 10L);
    clock.advance(Duration.ofDays(3653));
    assertThat(engine(store, 10).run().total()).isZero();
    assertThat(store.rows).containsEntry(key(staying.id(), CONTACTS), 10L);
    assertThat(purgeCalls).isEmpty();
    assertThat(audit.events(AuditChain.of(staying.id()))).isEmpty();
  }

  @Test
  @DisplayName("RET-01, RET-12: an engine refuses a step whose class the data map lacks, a workspace step of a class that outlives its workspace, an expiry step of CRM data, and an empty batch")
  void theDataMapDecidesWhatMayBeExecuted() {
    for (RetentionStore wrong : List.<RetentionStore>of(
        store.with(List.of(new RetentionStep("contacts", "no_such_class")), List.of()),
        store.with(List.of(new RetentionStep("consent_events", "consent_event")), List.of()),
        store.with(List.of(), List.of(CONTACTS)))) {
      assertThatThrownBy(() -> engine(wrong, 10)).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> engine(store, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String key(WorkspaceId workspace, RetentionStep step) {
    return workspace.value() + "/" + step.table();
  }

  /** A store of row counts: a delete takes up to its limit off a count. */
  private final class CountingStore implements RetentionStore {

    final Map<String, Long> rows = new HashMap<>();
    final Map<String, Long> progress = new HashMap<>();
    final Map<UUID, Map<String, Long>> runs = new LinkedHashMap<>();
    long expired;
    final Map<WorkspaceId, List<UUID>> packages = new LinkedHashMap<>();
    int deletes;
    List<RetentionStep> steps = List.of(CONTACTS, MEMBERS);
    List<RetentionStep> expirySteps = List.of(TOKENS);
    List<RetentionStep> workspaceExpirySteps = List.of(PACKAGES);

    CountingStore with(List<RetentionStep> workspaceSteps, List<RetentionStep> expiry) {
      CountingStore other = new CountingStore();
      other.steps = workspaceSteps;
      other.expirySteps = expiry;
      return other;
    }

    @Override
    public List<RetentionStep> workspaceSteps() {
      return steps;
    }

    @Override
    public List<RetentionStep> expirySteps() {
      return expirySteps;
    }

    @Override
    public List<RetentionStep> workspaceExpirySteps() {
      return workspaceExpirySteps;
    }

    @Override
    public Map<WorkspaceId, Long> expiredByWorkspace(RetentionStep step, Instant now, int limit) {
      assertThat(step).isIn(workspaceExpirySteps);
      assertThat(ports.transactions().boundWorkspace()).as("in a platform transaction").isEmpty();
      Map<WorkspaceId, Long> counts = new LinkedHashMap<>();
      packages.forEach((workspace, ids) -> {
        if (!ids.isEmpty() && counts.size() < limit) {
          counts.put(workspace, (long) ids.size());
        }
      });
      return counts;
    }

    @Override
    public List<UUID> deleteExpired(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
      assertThat(ports.transactions().boundWorkspace()).as("in the workspace's own transaction").contains(workspace);
      List<UUID> ids = packages.getOrDefault(workspace, new ArrayList<>());
      List<UUID> gone = new ArrayList<>(ids.subList(0, Math.min(limit, ids.size())));
      ids.removeAll(gone);
      if (!gone.isEmpty()) {
        deletes++;
      }
      return gone;
    }

    @Override
    public long countWorkspaceRows(WorkspaceId workspace, RetentionStep step) {
      assertThat(ports.transactions().boundWorkspace()).contains(workspace);
      return rows.getOrDefault(key(workspace, step), 0L);
    }

    @Override
    public long deleteWorkspaceRows(WorkspaceId workspace, RetentionStep step, Instant now, int limit) {
      assertThat(ports.transactions().boundWorkspace()).as("in the workspace's own transaction").contains(workspace);
      long left = rows.getOrDefault(key(workspace, step), 0L);
      long deleted = Math.min(left, limit);
      rows.put(key(workspace, step), left - deleted);
      if (deleted > 0) {
        deletes++;
      }
      return deleted;
    }

    @Override
    public long countExpired(RetentionStep step, Instant now) {
      return expired;
    }

    @Override
    public long deleteExpired(RetentionStep step, Instant now, int limit) {
      long deleted = Math.min(expired, limit);
      expired -= deleted;
      if (deleted > 0) {
        deletes++;
      }
      return deleted;
    }

    @Override
    public void addProgress(WorkspaceId workspace, String table, long count) {
      progress.merge(workspace.value() + "/" + table, count, Long::sum);
    }

    @Override
    public Map<String, Long> progress(WorkspaceId workspace) {
      Map<String, Long> mine = new LinkedHashMap<>();
      progress.forEach((k, v) -> {
        if (k.startsWith(workspace.value() + "/")) {
          mine.put(k.substring(k.indexOf('/') + 1), v);
        }
      });
      return mine;
    }

    @Override
    public void startRun(UUID run, Instant startedAt) {
      runs.put(run, new LinkedHashMap<>());
    }

    @Override
    public void recordBatch(UUID run, String dataClass, long count) {
      runs.get(run).merge(dataClass, count, Long::sum);
    }

    @Override
    public void finishRun(UUID run, Instant finishedAt, int workspacesPurged) {}

    @Override
    public List<RetentionRun> runs(int limit) {
      return runs.entrySet().stream().map(e -> new RetentionRun(e.getKey(), clock.instant(), Optional.empty(), 0,
          e.getValue())).limit(limit).toList();
    }
  }
}
