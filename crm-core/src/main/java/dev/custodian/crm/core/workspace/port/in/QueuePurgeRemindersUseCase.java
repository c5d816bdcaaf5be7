package dev.custodian.crm.core.workspace.port.in;

/**
 * In-port: the background sweep that reminds a cancelled workspace's OWNERs 7 days before its
 * purge (DSR-05): once per cancellation, none after reactivation or delete-now. Safe to run from
 * several instances at once: a workspace is claimed by one of them.
 */
public interface QueuePurgeRemindersUseCase {

  /** Queues the reminders now due; answers how many workspaces were reminded. */
  int queueDue();
}
