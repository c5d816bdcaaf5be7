package dev.custodian.crm.core.deal.port.out;

import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the unlink seam: a store whose rows may link to a deal (activities, tasks). Deleting a
 * deal asks each of them, in the delete's transaction, to drop their links to it first; what a row
 * left without links becomes is the store's rule (an activity goes, a task stays).
 */
public interface DealLinks {

  /**
   * Drops every link of the workspace's rows to {@code deal}. Joins the caller's transaction and is
   * scoped to {@code workspace}, as repositories are.
   *
   * @return how many rows were changed or removed
   */
  int unlinkDeal(WorkspaceId workspace, DealId deal);
}
