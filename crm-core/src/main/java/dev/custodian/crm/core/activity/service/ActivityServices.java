package dev.custodian.crm.core.activity.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.activity.ActivityListing;
import dev.custodian.crm.core.activity.port.in.ActivityUseCases;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import java.time.Clock;

/** Factory: the activity use cases over their out-ports (a read, the list and the delete need no service class). */
public final class ActivityServices {

  private ActivityServices() {}

  public static ActivityUseCases create(WorkspaceTransactions transactions, ActivityRepository activities,
      LinkTargets targets, IdGenerator ids, Clock clock) {
    return new ActivityUseCases(
        new CreateActivityService(transactions, activities, targets, ids, clock),
        (actor, workspace, id) -> transactions.inWorkspace(workspace, actor, Permission.ACTIVITY_READ,
            () -> activities.findById(workspace, id).orElseThrow(() -> new NotFoundException("activity"))),
        (actor, workspace, query) -> transactions.list(actor, Permission.ACTIVITY_READ, workspace,
            query.requireOffer(ActivityListing.OFFER), activities::list),
        new UpdateActivityService(transactions, activities, targets, clock),
        (actor, command) -> transactions.inWorkspace(command.workspace(), actor, Permission.ACTIVITY_WRITE, () -> {
          if (activities.delete(command.workspace(), command.id(), command.expectedVersion())) {
            return null;
          }
          boolean exists = activities.findById(command.workspace(), command.id()).isPresent();
          throw exists && command.expectedVersion().isPresent()
              ? PreconditionFailedException.stale("activity")
              : new NotFoundException("activity");
        }));
  }
}
