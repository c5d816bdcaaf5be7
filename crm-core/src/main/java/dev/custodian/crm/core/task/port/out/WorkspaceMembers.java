package dev.custodian.crm.core.task.port.out;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port: whether an account is a current member of a workspace, asked before a task is
 * assigned to it. The library binds it to the workspace's memberships; joins the caller's
 * transaction.
 */
@FunctionalInterface
public interface WorkspaceMembers {

  boolean isMember(WorkspaceId workspace, AccountId account);
}
