package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.deal.DealTitle;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.deal.StageSnapshot;
import dev.custodian.crm.core.deal.port.in.UpdateDealCommand;
import dev.custodian.crm.core.deal.port.in.UpdateDealUseCase;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.suppression.service.SuppressionGuard;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Service: applies a partial change with optimistic locking. A change of stage is a move: it is
 * recorded in the deal's history by the same conditional write, so of two moves based on one
 * version one is stored and recorded, the other changes nothing.
 */
public final class UpdateDealService implements UpdateDealUseCase {

  private final WorkspaceTransactions transactions;
  private final DealRepository deals;
  private final PipelineRepository pipelines;
  private final SuppressionGuard suppression;
  private final CustomValueIntake custom;
  private final IdGenerator ids;
  private final Clock clock;

  public UpdateDealService(WorkspaceTransactions transactions, DealRepository deals, PipelineRepository pipelines,
      SuppressionList suppressionList, CustomValueIntake custom, IdGenerator ids, Clock clock) {
    this.suppression = new SuppressionGuard(suppressionList);
    this.custom = Objects.requireNonNull(custom, "custom");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.deals = Objects.requireNonNull(deals, "deals");
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Deal update(Actor actor, WithCustom<UpdateDealCommand> input) {
    return transactions.inWorkspace(input.workspace(), actor, Permission.DEAL_WRITE, () -> {
      if (input.command() == null) {
        custom.check(input, ObjectType.DEAL); // the built-in fields' errors with the custom ones
      }
      UpdateDealCommand command = input.command();
      Deal current = deals.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("deal"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("deal");
      }
      PipelineId pipelineId = valueOr(command.pipeline(), current.pipeline());
      StageId stageId = valueOr(command.stage(), current.stage());
      boolean otherPipeline = !pipelineId.equals(current.pipeline());
      if (otherPipeline && !(command.stage() instanceof PatchValue.Set)) {
        throw ValidationException.of(FieldError.field("stageId", "is required: a deal moved to another pipeline needs one of its stages"));
      }
      Instant now = Timestamps.now(clock);
      Optional<StageChange> move = Optional.empty();
      var stageKind = current.stageKind();
      List<FieldError> errors = new ArrayList<>();
      if (!stageId.equals(current.stage())) {
        Optional<Pipeline> target = Stages.pipeline(pipelines, command.workspace(), pipelineId, errors);
        Optional<Stage> to = target.flatMap(pipeline -> Stages.stageOf(pipeline, stageId, errors));
        if (to.isPresent()) {
          Pipeline source = otherPipeline
              ? pipelines.findById(command.workspace(), current.pipeline()).orElseThrow()
              : target.get();
          StageSnapshot from = StageSnapshot.of(source.stage(current.stage()).orElseThrow());
          stageKind = to.get().kind();
          move = Optional.of(new StageChange(command.workspace(), ids.newId(), current.id(), Optional.of(from),
              StageSnapshot.of(to.get()), now, Optional.of(actor.account())));
        }
      }
      // only what the change adds is asked about: a kept reference was the workspace's when stored
      Optional<CompanyId> newCompany = command.company() instanceof PatchValue.Set<CompanyId> set
          && !current.company().equals(Optional.of(set.value())) ? Optional.of(set.value()) : Optional.empty();
      Set<ContactId> newContacts = command.contacts() instanceof PatchValue.Set<Set<ContactId>> set
          ? set.value().stream().filter(c -> !current.contacts().contains(c)).collect(Collectors.toSet()) : Set.of();
      Map<CustomField, Optional<CustomValue>> changes = custom.check(input, ObjectType.DEAL,
          Stages.referenceErrors(deals, command.workspace(), newCompany, newContacts, errors));
      CustomValues values = CustomValueIntake.applied(current.custom(), changes);
      suppression.refuseSuppressedCustom(command.workspace(), CustomValueIntake.addedEmails(changes, current.custom()),
          CustomValueIntake.addedPhones(changes, current.custom()));
      DealTitle title = valueOr(command.title(), current.title());
      Optional<Money> amount = optionalValueOr(command.amount(), current.amount());
      Optional<LocalDate> date = optionalValueOr(command.expectedCloseDate(), current.expectedCloseDate());
      Optional<CompanyId> company = optionalValueOr(command.company(), current.company());
      Set<ContactId> contacts = valueOr(command.contacts(), current.contacts());
      if (move.isEmpty() && title.equals(current.title()) && amount.equals(current.amount())
          && date.equals(current.expectedCloseDate()) && company.equals(current.company())
          && contacts.equals(current.contacts()) && values.equals(current.custom())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Deal changed = current.changed(title, amount, pipelineId, stageId, stageKind, date, company, contacts, now);
      if (!deals.update(changed, command.expectedVersion(), move)) {
        throw PreconditionFailedException.stale("deal");
      }
      // After the record's row: its new version is locked, so values are written for it alone.
      custom.write(command.workspace(), new RecordRef(ObjectType.DEAL, current.id().value()), changes);
      return changed.withCustom(values);
    });
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
