package dev.custodian.crm.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.RecordingAuditLog;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.PurgeDueWorkspacesUseCase;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sweep that purges due workspaces, on a clock the test moves. */
class DueWorkspacePurgeServiceTest {

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final List<WorkspaceId> purgeCalls = new ArrayList<>();
  private final WorkspacePurge purge = (workspace, now) -> {
    assertThat(ports.transactions().boundWorkspace()).as("in the workspace's own transaction").contains(workspace);
    purgeCalls.add(workspace);
    return Map.of("contacts", 2L);
  };
  private final WorkspaceUseCases workspaces = WorkspaceServices.create(ports.transactions(),
      TestGates.workspaceTransactions(ports, clock), ports.workspaces(), ports.memberships(), IdGenerator.random(),
      clock, List.of(), cancelled -> {}, (account, password, ip) -> password.wipe(), purge);
  private final PurgeDueWorkspacesUseCase sweep = WorkspaceServices.duePurges(ports.transactions(), ports.workspaces(),
      purge, audit, clock);
  private final Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));

  @Test
  @DisplayName("RET-03: a sweep one minute before purgeAt purges nothing; one after it purges the workspace once, audited as SYSTEM with its counts")
  void aDueWorkspaceIsPurgedOnce() {
    Workspace cancelled = workspaces.create().create(owner, CreateWorkspaceCommand.named("Leaving Ltd"));
    workspaces.cancel().cancel(owner, cancelled.id());

    clock.advance(Duration.ofDays(30).minusMinutes(1));
    assertThat(sweep.purgeDue()).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(sweep.purgeDue()).containsOnlyKeys(cancelled.id());
    assertThat(sweep.purgeDue()).isEmpty();

    assertThat(purgeCalls).containsExactly(cancelled.id());
    assertThat(ports.transactions().inPlatform(() -> ports.workspaces().findById(cancelled.id()))).isEmpty();
    List<AuditEvent> chain = audit.events(AuditChain.of(cancelled.id()));
    assertThat(chain).extracting(AuditEvent::action).containsExactly(AuditAction.WORKSPACE_PURGED);
    assertThat(chain.get(0).actor()).isEqualTo(AuditActor.system());
    assertThat(chain.get(0).details().values()).containsEntry("count.contacts", "2").containsEntry("count", "2");
  }

  @Test
  @DisplayName("RET-01: with the clock ten years ahead, a sweep touches no ACTIVE workspace, nor one reactivated in its window")
  void activeWorkspacesAreNeverPurged() {
    Workspace active = workspaces.create().create(owner, CreateWorkspaceCommand.named("Staying Ltd"));
    Workspace back = workspaces.create().create(owner, CreateWorkspaceCommand.named("Back Ltd"));
    workspaces.cancel().cancel(owner, back.id());
    clock.advance(Duration.ofDays(29));
    workspaces.reactivate().reactivate(owner, back.id());

    clock.advance(Duration.ofDays(3650));
    assertThat(sweep.purgeDue()).isEmpty();
    assertThat(purgeCalls).isEmpty();
    assertThat(ports.transactions().inPlatform(() -> ports.workspaces().findById(active.id()))).isPresent();
    assertThat(ports.transactions().inPlatform(() -> ports.workspaces().findById(back.id()))).isPresent();
  }
}
