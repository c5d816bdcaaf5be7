package dev.custodian.crm.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.RecordingAuditLog;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each lifecycle step (cancel, reactivate, delete now and its purge) appends its entry to the
 * workspace's audit chain in the step's transaction: a step that changes nothing, or fails,
 * leaves none.
 */
class WorkspaceLifecycleAuditTest {

  private static final String RIGHT = "the owner's password";

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final RecordingAuditLog audit = new RecordingAuditLog(ports.transactions().newTable());
  private final WorkspaceTransactions inWorkspace = new WorkspaceTransactions(ports.transactions(), ports.memberships(),
      TestGates.gate(ports, clock), audit);
  private final AtomicBoolean mailFails = new AtomicBoolean();
  private final AtomicBoolean purgeFails = new AtomicBoolean();
  private final Consumer<Workspace> onCancelled = cancelled -> {
    if (mailFails.get()) {
      throw new IllegalStateException("the outbox is down");
    }
  };
  private final WorkspaceUseCases workspaces = WorkspaceServices.create(ports.transactions(), inWorkspace,
      ports.workspaces(), ports.memberships(), IdGenerator.random(), clock, List.of(), onCancelled,
      (account, password, ip) -> {
        boolean right = password.apply(chars -> new String(chars)).equals(RIGHT);
        password.wipe();
        if (!right) {
          throw new ForbiddenException(CrmException.Kind.REAUTHENTICATION_FAILED, "the password is wrong");
        }
      },
      (workspace, now) -> {
        if (purgeFails.get()) {
          throw new IllegalStateException("the database went away");
        }
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("contacts", 3L);
        deleted.put("memberships", 1L);
        return deleted;
      });
  private final Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Workspace workspace = workspaces.create().create(owner, CreateWorkspaceCommand.named("Acme Ltd"));

  private List<AuditEvent> chain() {
    return ports.transactions().inPlatform(() -> audit.events(AuditChain.of(workspace.id())));
  }

  @Test
  @DisplayName("DSR-05: cancel, reactivate, delete now and the purge each append their entry, by the OWNER, about the workspace")
  void eachStepIsAudited() {
    workspaces.cancel().cancel(owner, workspace.id());
    workspaces.cancel().cancel(owner, workspace.id()); // cancelling again changes nothing
    clock.advance(Duration.ofDays(29));
    workspaces.reactivate().reactivate(owner, workspace.id());
    workspaces.reactivate().reactivate(owner, workspace.id()); // already active: nothing
    workspaces.deleteNow().deleteNow(owner, workspace.id(), new Password(RIGHT), "192.0.2.1");

    assertThat(chain()).extracting(AuditEvent::action).containsExactly(AuditAction.WORKSPACE_CANCELLED,
        AuditAction.WORKSPACE_REACTIVATED, AuditAction.WORKSPACE_DELETED_NOW, AuditAction.WORKSPACE_PURGED);
    assertThat(chain()).allSatisfy(event -> {
      assertThat(event.actor()).isEqualTo(AuditActor.account(owner.account().value()));
      assertThat(event.targetType()).isEqualTo(AuditTargetType.WORKSPACE);
      assertThat(event.targetId()).contains(workspace.id().value());
    });
    assertThat(chain().get(3).details().values())
        .containsEntry("count", "4").containsEntry("count.contacts", "3").containsEntry("count.memberships", "1");
  }

  @Test
  @DisplayName("DSR-05: a step that fails or is refused leaves no entry (the entry rolls back with it)")
  void aFailedStepLeavesNoEntry() {
    mailFails.set(true);
    assertThatThrownBy(() -> workspaces.cancel().cancel(owner, workspace.id())).isInstanceOf(IllegalStateException.class);
    assertThat(chain()).isEmpty();
    assertThat(ports.transactions().inPlatform(() -> ports.workspaces().findById(workspace.id())).orElseThrow().status())
        .isEqualTo(WorkspaceStatus.ACTIVE);

    mailFails.set(false);
    workspaces.cancel().cancel(owner, workspace.id());
    purgeFails.set(true);
    assertThatThrownBy(() -> workspaces.deleteNow().deleteNow(owner, workspace.id(), new Password(RIGHT), "192.0.2.1"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> workspaces.deleteNow().deleteNow(owner, workspace.id(), new Password("a wrong long passphrase"), "192.0.2.1"))
        .isInstanceOf(ForbiddenException.class);
    clock.advance(Duration.ofDays(31));
    assertThatThrownBy(() -> workspaces.reactivate().reactivate(owner, workspace.id()))
        .isInstanceOf(ConflictException.class);

    assertThat(chain()).extracting(AuditEvent::action).containsExactly(AuditAction.WORKSPACE_CANCELLED);
  }
}
