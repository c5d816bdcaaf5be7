package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the departure seam: a store that holds what is a member's in a workspace (tasks
 * assigned to them). When a member is removed or leaves, each is told in the same transaction, so
 * nothing stays assigned to someone who is no longer there.
 */
public interface MemberDepartures {

  /**
   * Lets go of what the workspace's rows hold for {@code member}. Joins the caller's transaction
   * and is scoped to {@code workspace}.
   *
   * @return how many rows were changed
   */
  int memberLeft(WorkspaceId workspace, AccountId member);
}
