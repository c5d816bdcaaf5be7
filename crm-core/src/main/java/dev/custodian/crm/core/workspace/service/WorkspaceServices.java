package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.session.port.in.ReauthenticateUseCase;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import dev.custodian.crm.core.workspace.port.in.PurgeDueWorkspacesUseCase;
import dev.custodian.crm.core.workspace.port.in.QueuePurgeRemindersUseCase;
import dev.custodian.crm.core.workspace.port.in.WorkspaceUseCases;
import dev.custodian.crm.core.workspace.port.out.WorkspacePurge;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Factory: the workspace use cases over their out-ports. */
public final class WorkspaceServices {

  private WorkspaceServices() {}

  /** Without initializers: a new workspace starts empty. */
  public static WorkspaceUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace,
      WorkspaceRepository workspaces, MembershipRepository memberships, IdGenerator ids, Clock clock) {
    return create(transactions, inWorkspace, workspaces, memberships, ids, clock, List.of());
  }

  /** @param initializers what each new workspace starts with, run in this order in its creating transaction */
  public static WorkspaceUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace,
      WorkspaceRepository workspaces, MembershipRepository memberships, IdGenerator ids, Clock clock,
      List<WorkspaceInitializer> initializers) {
    return create(transactions, inWorkspace, workspaces, memberships, ids, clock, initializers, cancelled -> {});
  }

  /**
   * @param initializers what each new workspace starts with, run in this order in its creating transaction
   * @param onCancelled what else a cancellation does in its transaction (the owners' mails)
   */
  public static WorkspaceUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace,
      WorkspaceRepository workspaces, MembershipRepository memberships, IdGenerator ids, Clock clock,
      List<WorkspaceInitializer> initializers, Consumer<Workspace> onCancelled) {
    return create(transactions, inWorkspace, workspaces, memberships, ids, clock, initializers,
        new WorkspaceLifecycleService(inWorkspace, workspaces, onCancelled, clock));
  }

  /**
   * @param initializers what each new workspace starts with, run in this order in its creating transaction
   * @param onCancelled what else a cancellation does in its transaction (the owners' mails)
   * @param reauthentication checks an OWNER's password before a delete-now
   * @param purge deletes a due workspace's data
   */
  public static WorkspaceUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace,
      WorkspaceRepository workspaces, MembershipRepository memberships, IdGenerator ids, Clock clock,
      List<WorkspaceInitializer> initializers, Consumer<Workspace> onCancelled,
      ReauthenticateUseCase reauthentication, WorkspacePurge purge) {
    return create(transactions, inWorkspace, workspaces, memberships, ids, clock, initializers,
        new WorkspaceLifecycleService(inWorkspace, workspaces, onCancelled, clock, reauthentication, purge));
  }

  /** The sweep that queues the OWNERs' reminders 7 days before a cancelled workspace's purge. */
  public static QueuePurgeRemindersUseCase purgeReminders(Transactions transactions, WorkspaceRepository workspaces,
      MembershipRepository memberships, MailOutbox outbox, Clock clock) {
    return new PurgeReminderService(transactions, workspaces, memberships, outbox, clock);
  }

  /** The sweep that purges each cancelled workspace once its {@code purgeAt} has come (RET-03). */
  public static PurgeDueWorkspacesUseCase duePurges(Transactions transactions, WorkspaceRepository workspaces,
      WorkspacePurge purge, AuditLog audit, Clock clock) {
    return new DueWorkspacePurgeService(transactions, workspaces, purge, audit, clock);
  }

  private static WorkspaceUseCases create(Transactions transactions, WorkspaceTransactions inWorkspace,
      WorkspaceRepository workspaces, MembershipRepository memberships, IdGenerator ids, Clock clock,
      List<WorkspaceInitializer> initializers, WorkspaceLifecycleService lifecycle) {
    return new WorkspaceUseCases(
        new CreateWorkspaceService(transactions, workspaces, memberships, ids, clock, initializers, inWorkspace.auditLog()),
        new GetWorkspaceService(inWorkspace, workspaces),
        // An account's own list: platform-level, its memberships across workspaces.
        (actor, page) -> transactions.inPlatform(() -> workspaces.listForMember(actor.account(), page)),
        lifecycle, lifecycle, lifecycle);
  }
}
