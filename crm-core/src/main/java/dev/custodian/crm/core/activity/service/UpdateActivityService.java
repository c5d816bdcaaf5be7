package dev.custodian.crm.core.activity.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityDuration;
import dev.custodian.crm.core.activity.ActivityKind;
import dev.custodian.crm.core.activity.ActivitySubject;
import dev.custodian.crm.core.activity.port.in.UpdateActivityCommand;
import dev.custodian.crm.core.activity.port.in.UpdateActivityUseCase;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: applies a merge patch with optimistic locking. The result is checked as a whole (a
 * duration only on a call or meeting, 1 to 50 links of the workspace), every error at once.
 */
public final class UpdateActivityService implements UpdateActivityUseCase {

  private final WorkspaceTransactions transactions;
  private final ActivityRepository activities;
  private final LinkTargets targets;
  private final Clock clock;

  public UpdateActivityService(WorkspaceTransactions transactions, ActivityRepository activities, LinkTargets targets,
      Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.activities = Objects.requireNonNull(activities, "activities");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Activity update(Actor actor, UpdateActivityCommand command) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.ACTIVITY_WRITE, () -> {
      Activity current = activities.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("activity"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("activity");
      }
      Validator v = new Validator();
      ActivityKind kind = valueOr(command.kind(), current.kind());
      Optional<ActivitySubject> subject = optionalValueOr(command.subject(), current.subject());
      Optional<Body> body = optionalValueOr(command.body(), current.body());
      Instant occurredAt = valueOr(command.occurredAt(), current.occurredAt());
      Optional<ActivityDuration> duration = optionalValueOr(command.duration(), current.duration());
      if (duration.isPresent() && !kind.hasDuration()) {
        v.reject("duration", "is only for a call or a meeting");
      }
      Links links = Links.patched(v, current.links(), list(command.contactIds()), cleared(command.contactIds()),
          list(command.companyIds()), cleared(command.companyIds()), list(command.dealIds()),
          cleared(command.dealIds()), 1);
      if (links != null && !links.equals(current.links())) {
        targets.check(v, command.workspace(), links);
      }
      v.throwIfInvalid();
      if (kind == current.kind() && subject.equals(current.subject()) && body.equals(current.body())
          && occurredAt.equals(current.occurredAt()) && duration.equals(current.duration())
          && links.equals(current.links())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Activity changed = current.changed(kind, subject, body, occurredAt, duration, links, Timestamps.now(clock));
      if (!activities.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("activity");
      }
      return changed;
    });
  }

  static List<String> list(PatchValue<List<String>> patch) {
    return patch instanceof PatchValue.Set<List<String>> set ? set.value() : null;
  }

  static boolean cleared(PatchValue<List<String>> patch) {
    return patch instanceof PatchValue.Clear;
  }

  private static <T> T valueOr(PatchValue<T> patch, T current) {
    return patch instanceof PatchValue.Set<T> set ? set.value() : current;
  }

  private static <T> Optional<T> optionalValueOr(PatchValue<T> patch, Optional<T> current) {
    return patch instanceof PatchValue.Clear
        ? Optional.empty()
        : Optional.ofNullable(valueOr(patch, current.orElse(null)));
  }
}
