package dev.custodian.crm.core.activity.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.activity.port.in.CreateActivityCommand;
import dev.custodian.crm.core.activity.port.in.CreateActivityUseCase;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import java.time.Clock;
import java.util.Objects;

/** Service: records an activity after checking, in one question, that its links name records of the workspace. */
public final class CreateActivityService implements CreateActivityUseCase {

  private final WorkspaceTransactions transactions;
  private final ActivityRepository activities;
  private final LinkTargets targets;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateActivityService(WorkspaceTransactions transactions, ActivityRepository activities, LinkTargets targets,
      IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.activities = Objects.requireNonNull(activities, "activities");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Activity create(Actor actor, CreateActivityCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.ACTIVITY_WRITE, () -> {
      Validator v = new Validator();
      targets.check(v, command.workspace(), command.links());
      v.throwIfInvalid();
      Activity activity = Activity.create(command.workspace(), ActivityId.of(ids.newId()), command.kind(),
          command.subject(), command.body(), command.occurredAt(), command.duration(), command.links(),
          Timestamps.now(clock));
      activities.insert(activity);
      return activity;
    });
  }
}
