package dev.custodian.crm.core.activity.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.activity.Activity;

/** Use case: record an activity about some contacts, companies and deals of a workspace. */
@FunctionalInterface
public interface CreateActivityUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code contactIds},
   *     {@code companyIds} or {@code dealIds} when a link names no record of the workspace
   */
  Activity create(Actor actor, CreateActivityCommand command);
}
