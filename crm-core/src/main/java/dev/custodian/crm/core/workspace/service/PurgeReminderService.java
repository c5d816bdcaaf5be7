package dev.custodian.crm.core.workspace.service;

import dev.custodian.crm.core.access.port.out.MembershipRepository;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.port.in.QueuePurgeRemindersUseCase;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Service: claims the cancelled workspaces whose {@code purgeAt} is at most 7 days away and that
 * were not reminded since their cancellation, and queues a reminder to each of their OWNERs, in
 * one platform transaction (a claim and its mails commit together). The outbox sends a notice only
 * while its workspace is still cancelled, so a reactivation or a delete-now drops it.
 */
public final class PurgeReminderService implements QueuePurgeRemindersUseCase {

  /** How long before {@code purgeAt} the OWNERs are reminded. */
  public static final Duration AHEAD = Duration.ofDays(7);
  /** Workspaces claimed per transaction; a sweep goes on until none is left. */
  static final int BATCH = 100;

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final MailOutbox outbox;
  private final Clock clock;

  public PurgeReminderService(Transactions transactions, WorkspaceRepository workspaces,
      MembershipRepository memberships, MailOutbox outbox, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.memberships = Objects.requireNonNull(memberships, "memberships");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public int queueDue() {
    int reminded = 0;
    while (true) {
      Instant now = Timestamps.now(clock);
      int batch = transactions.inPlatform(() -> {
        List<WorkspaceId> due = workspaces.claimPurgeReminders(now, now.plus(AHEAD), BATCH);
        for (WorkspaceId workspace : due) {
          memberships.owners(workspace).forEach(owner ->
              outbox.enqueue(MailTemplate.WORKSPACE_PURGE_REMINDER, owner.value(), workspace.value(), now));
        }
        return due.size();
      });
      reminded += batch;
      if (batch < BATCH) {
        return reminded;
      }
    }
  }
}
