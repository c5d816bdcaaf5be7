package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.task.Task;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: walk a workspace's tasks page by page, as {@link dev.custodian.crm.core.task.TaskListing#OFFER} allows. */
@FunctionalInterface
public interface ListTasksUseCase {

  Page<Task> list(Actor actor, WorkspaceId workspace, ListQuery query);
}
