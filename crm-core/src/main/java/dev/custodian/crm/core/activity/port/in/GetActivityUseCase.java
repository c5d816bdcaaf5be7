package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one activity of a workspace. */
@FunctionalInterface
public interface GetActivityUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or activity */
  Activity get(Actor actor, WorkspaceId workspace, ActivityId id);
}
