package dev.custodian.crm.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.account.Password;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.core.workspace.port.in.QueuePurgeRemindersUseCase;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.service.WorkspaceServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reminder 7 days before a cancelled workspace's purge, on a clock the test moves. */
class PurgeReminderServiceTest {

  private final InMemoryPersistence ports = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final WorkspaceUseCases workspaces = WorkspaceServices.create(ports.transactions(),
      TestGates.workspaceTransactions(ports, clock), ports.workspaces(), ports.memberships(), IdGenerator.random(),
      clock, List.of(), cancelled -> {}, (account, password, ip) -> password.wipe(), (workspace, now) -> Map.of());
  private final QueuePurgeRemindersUseCase reminders = WorkspaceServices.purgeReminders(ports.transactions(),
      ports.workspaces(), ports.memberships(), ports.mailOutbox(), clock);
  private final Actor owner = Actor.account(AccountId.of(UUID.randomUUID()));
  private final AccountId secondOwner = AccountId.of(UUID.randomUUID());
  private final AccountId admin = AccountId.of(UUID.randomUUID());

  private Workspace aWorkspaceWithTwoOwners() {
    Workspace workspace = workspaces.create().create(owner, CreateWorkspaceCommand.named("Acme Ltd"));
    ports.transactions().inWorkspace(workspace.id(), () -> {
      ports.memberships().insert(workspace.id(), secondOwner, Role.OWNER, clock.instant());
      ports.memberships().insert(workspace.id(), admin, Role.ADMIN, clock.instant());
      return null;
    });
    return workspace;
  }

  private List<QueuedMail> reminded(Workspace workspace) {
    return ports.transactions().inPlatform(() -> ports.mailOutbox().rows().stream()
        .map(row -> row.mail())
        .filter(mail -> mail.template() == MailTemplate.WORKSPACE_PURGE_REMINDER)
        .filter(mail -> mail.workspace().equals(java.util.Optional.of(workspace.id().value())))
        .toList());
  }

  @Test
  @DisplayName("DSR-05: the reminder is queued once, on day 23, to each OWNER only; a sweep on day 22 or again on day 24 queues none")
  void onceOnDay23ToEachOwner() {
    Workspace workspace = aWorkspaceWithTwoOwners();
    workspaces.cancel().cancel(owner, workspace.id());

    clock.advance(Duration.ofDays(22));
    assertThat(reminders.queueDue()).isZero();
    clock.advance(Duration.ofDays(1));
    assertThat(reminders.queueDue()).isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    assertThat(reminders.queueDue()).isZero();

    assertThat(reminded(workspace)).extracting(QueuedMail::account)
        .containsExactlyInAnyOrder(owner.account().value(), secondOwner.value());
  }

  @Test
  @DisplayName("DSR-05: no reminder after a reactivation; a new cancellation gets its own, 23 days after it")
  void noneAfterReactivationAndOneForANewCancellation() {
    Workspace workspace = aWorkspaceWithTwoOwners();
    workspaces.cancel().cancel(owner, workspace.id());
    clock.advance(Duration.ofDays(10));
    workspaces.reactivate().reactivate(owner, workspace.id());
    clock.advance(Duration.ofDays(20));
    assertThat(reminders.queueDue()).isZero();
    assertThat(reminded(workspace)).isEmpty();

    workspaces.cancel().cancel(owner, workspace.id());
    clock.advance(Duration.ofDays(23));
    assertThat(reminders.queueDue()).isEqualTo(1);
    assertThat(reminded(workspace)).hasSize(2);
  }

  @Test
  @DisplayName("DSR-05: no reminder for a workspace deleted now, nor for one whose purge is already due")
  void noneAfterDeleteNowOrOnceDue() {
    Workspace deleted = aWorkspaceWithTwoOwners();
    workspaces.cancel().cancel(owner, deleted.id());
    workspaces.deleteNow().deleteNow(owner, deleted.id(), new Password("the owner's long passphrase"), "192.0.2.1");
    Workspace late = workspaces.create().create(owner, CreateWorkspaceCommand.named("Late Ltd"));
    workspaces.cancel().cancel(owner, late.id());

    clock.advance(Duration.ofDays(31)); // the sweep did not run in the window
    assertThat(reminders.queueDue()).isZero();
    assertThat(reminded(deleted)).isEmpty();
    assertThat(reminded(late)).isEmpty();
  }
}
