package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: walk a workspace's activities page by page, as {@link dev.custodian.crm.core.activity.ActivityListing#OFFER} allows. */
@FunctionalInterface
public interface ListActivitiesUseCase {

  Page<Activity> list(Actor actor, WorkspaceId workspace, ListQuery query);
}
